import { describe, expect, it } from 'vitest';
import type { DisclosureDocument, SchoolTable } from '../../../src/core/model';
import { runRules } from '../../../src/core/rules/engine';
import rule from '../../../src/core/rules/funding-amount-missing';
import { makeDocument, type ProjectSpec } from '../../helpers/document';

function run(projects: ProjectSpec[], lang: 'zh' | 'en' = 'zh') {
  return runRules(makeDocument(projects).document, [rule], {}, lang).findings;
}

// Seed 项目一: the funding section lists uses, the schedule lists amounts.
const P1: ProjectSpec = {
  title: '项目一',
  sections: {
    name: ['国家义务教育优质均衡评估专项经费'],
    funding: ['资金主要用于国家级督导专家在江川实地评估费用、资料费、会务费、宣传费、专题片制作等支出。'],
    plan: ['（一）宣传、资料费15万元；', '（二）制作专题片10万元；', '（三）专家实地评估费用、会务等费用5万元。'],
  },
};
// Seed 项目二: only percentages.
const P2: ProjectSpec = {
  title: '项目二',
  sections: {
    funding: ['按照组织部门要求，江川区委教育体育工委2023年上半年按70%上缴党费，剩余30%作为工委党费返还款使用。'],
    plan: ['用于2023年度的党务工作开支，包括支付党内报刊书籍杂志，慰问困难党员等工作。'],
  },
};
// Seed 项目四: funding text copied from the content.
const P4: ProjectSpec = {
  title: '项目四',
  sections: {
    funding: ['用于表彰教育宣传先进、征订报刊、制作宣传标语、展板、印制教育宣传材料等。'],
    plan: ['用于表彰教育宣传先进、征订报刊、制作宣传标语、展板、印制教育宣传材料等。'],
  },
};

describe('funding-amount-missing', () => {
  it('fires on seed 项目一, 项目二 and 项目四, at the funding paragraph', () => {
    const f = run([P1, P2, P4]);
    expect(f.map((x) => [x.rule, x.project, x.sheet, x.cell])).toEqual([
      ['funding-amount-missing', '项目一', '项目一', 'A5'],
      ['funding-amount-missing', '项目二', '项目二', 'A3'],
      ['funding-amount-missing', '项目四', '项目四', 'A3'],
    ]);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.messageId).toBe('missingPlanHas');
    expect(f[0]!.message).toContain('30万元');
    expect(f[0]!.message).toContain('资金安排情况');
    expect(f[1]!.messageId).toBe('missing');
  });

  it('speaks English when asked', () => {
    const [f] = run([P2], 'en');
    expect(f!.message).toMatch(/states no amount/);
    expect(f!.message).not.toMatch(/\{/);
  });

  it.each([
    ['a rate (seed 项目三)', '教育部基础教育质量监测中心地方购买服务，参加国家义务教育质量监测购买服务，费用为每县每年15万元。'],
    ['bare 万 (seed 项目五)', '活动开展25万、资源开发7万、条件改善18万'],
    ['a total (seed 项目九)', '本项目计划安排资金10万元。其中：区级财政安排资金10万元。'],
    ['元 amounts', '开展第37届科技创新活动5000元'],
    ['a 大写 amount', '安排资金人民币壹拾伍万元整。'],
    ['a symbol amount', '安排资金￥150，000.00'],
    ['an approximate amount', '预计投入约40万元'],
    ['a reference to a table', '各校资金安排详见附表“学校明细表”。'],
  ])('does not fire on %s', (_name, text) => {
    expect(run([{ title: '项目三', sections: { funding: [text] } }])).toEqual([]);
  });

  it('does not fire when the funding section has a school table', () => {
    const built = makeDocument([{ title: '项目十一', sections: { overview: ['保安人员数量232人'], funding: [] } }]);
    const table = { sheet: '项目十一', project: 0, section: 'funding' } as unknown as SchoolTable;
    const withTable: DisclosureDocument = {
      ...built.document,
      projects: built.document.projects.map((p) => ({
        ...p,
        sections: p.sections.map((s) => (s.key === 'funding' ? { ...s, tables: [0] } : s)),
      })),
      tables: [table],
    };
    expect(runRules(withTable, [rule]).findings).toEqual([]);
    // the table linked only through the document's table list counts too
    const linked: DisclosureDocument = { ...built.document, tables: [table] };
    expect(runRules(linked, [rule]).findings).toEqual([]);
    // and without it, it fires at the heading (no paragraph)
    const [f] = runRules(built.document, [rule]).findings;
    expect([f!.project, f!.cell]).toEqual(['项目十一', 'A4']);
  });

  it('does not fire when the funding section has another table', () => {
    const built = makeDocument([{ title: '项目一', sections: { funding: ['资金明细见下表'] } }]);
    const ref = { sheet: '项目一', row: 3, col: 0 };
    const doc: DisclosureDocument = {
      ...built.document,
      projects: built.document.projects.map((p) => ({
        ...p,
        sections: p.sections.map((s) => ({ ...s, otherTables: [{ ref, rows: [[{ text: '项目', ref, offset: 0 }]] }] })),
      })),
    };
    expect(runRules(doc, [rule]).findings).toEqual([]);
  });

  it('leaves a project without a funding section to section-missing', () => {
    expect(run([{ title: '项目一', sections: { name: ['x'], plan: ['10万元'] } }])).toEqual([]);
  });
});
