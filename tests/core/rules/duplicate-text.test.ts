import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/duplicate-text';
import { runRules } from '../../../src/core/rules/engine';
import { makeDocument, type ProjectSpec } from '../../helpers/document';
import { readDisclosure } from '../../../src/core/disclosure/index';

const run = (projects: ProjectSpec[], config = {}) => runRules(makeDocument(projects).document, [rule], config).findings;

const SAME = '用于表彰教育宣传先进、征订报刊、制作宣传标语、展板、印制教育宣传材料等。';
const LONG_A =
  '生源地信用助学贷款风险补偿金结余奖励金是确保江川区生源地信用助学贷款工作正常运转，促进我区生源地信用助学贷款工作健康持续发展，2022年贷款受理人数为3666人。';
const LONG_B =
  '充分利用三级网络，实现研训互动、资源共享、跟岗学习；建好学科中心组、名师工作室，加强学科研判、现场观摩、课题成果展示、名师送教等项目或活动管理。';

describe('duplicate-text', () => {
  it('fires on sections of one project with the same text (seed 项目四)', () => {
    const f = run([
      {
        title: '项目四',
        sections: {
          name: ['教育宣传工作经费'],
          overview: ['该笔资金由云南省教育报刊社拨入我单位，主要用于开展教育宣传工作。'],
          content: [SAME],
          funding: [SAME],
          plan: [SAME],
          results: ['表彰了教育先进工作者'],
        },
      },
    ]);
    expect(f.map((x) => [x.rule, x.project, x.cell, x.message])).toEqual([
      ['duplicate-text', '项目四', 'A8', '“资金安排情况”与本项目“项目实施内容”的文字完全相同（相似度100%）'],
      ['duplicate-text', '项目四', 'A10', '“项目实施计划”与本项目“项目实施内容”的文字完全相同（相似度100%）'],
    ]);
    expect(f[0]!.related).toEqual([{ sheet: '项目四', cell: 'A6' }]);
  });

  it('fires on a section copied from another project, at the later project', () => {
    const f = run([
      { title: '项目十五', sections: { name: ['甲'], results: [LONG_A] } },
      { title: '项目十六', sections: { name: ['乙'], results: [LONG_A] } },
    ]);
    expect(f.map((x) => [x.project, x.sheet, x.cell, x.message])).toEqual([
      ['项目十六', '项目十六', 'A4', '“项目实施成效”与项目十五的“项目实施成效”文字完全相同（相似度100%）'],
    ]);
  });

  it('fires on nearly the same text (a few characters changed), not on different text', () => {
    const near = LONG_B.replace('三级网络', '三级教研网络');
    const f = run([
      { title: '项目九', sections: { results: [LONG_B] } },
      { title: '项目十', sections: { results: [near], content: [LONG_A] } },
    ]);
    expect(f.map((x) => [x.project, x.cell, x.messageId])).toEqual([['项目十', 'A4', 'otherProject']]);
    expect(f[0]!.message).toMatch(/几乎相同（相似度9\d%）/);
  });

  it('ignores short sections that legitimately repeat (implementing unit, short texts) and 立项依据 across projects', () => {
    const basis = '《财政部 教育部关于印发〈生源地信用助学贷款风险补偿金管理办法〉的通知》（财教〔2022〕1号）及云南省有关文件要求执行';
    expect(
      run([
        { title: '项目一', sections: { unit: ['玉溪市江川区教育体育局'], basis: [basis], funding: ['10万元'] } },
        { title: '项目二', sections: { unit: ['玉溪市江川区教育体育局'], basis: [basis], funding: ['10万元'] } },
      ]),
    ).toEqual([]);
  });

  it('does not fire when 项目实施计划 restates 资金安排情况 without the amounts', () => {
    expect(
      run([
        {
          title: '项目六',
          sections: {
            funding: ['2023年4月联合举办江川区第七届彩云杯中小学师生国学经典诵读比赛4000元；8月参加玉溪市第八届科普讲解大赛1000元。'],
            plan: ['2023年4月联合举办江川区第七届彩云杯中小学师生国学经典诵读比赛；8月参加玉溪市第八届科普讲解大赛。'],
          },
        },
      ]),
    ).toEqual([]);
  });

  it('honours similarityThreshold', () => {
    const near = LONG_B.replace('三级网络', '三级教研网络');
    const projects: ProjectSpec[] = [
      { title: '项目九', sections: { results: [LONG_B] } },
      { title: '项目十', sections: { results: [near] } },
    ];
    expect(run(projects, { similarityThreshold: 0.999 })).toEqual([]);
    expect(run(projects, { similarityThreshold: 0.5 })).toHaveLength(1);
  });

  it('finds the one copy among 2,000 projects of distinct text', () => {
    // deterministic pseudo-random Chinese text: every project says something different
    let seed = 12345;
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const text = (): string => Array.from({ length: 80 }, () => String.fromCharCode(0x4e00 + (next() % 3000))).join('');
    const projects: ProjectSpec[] = [];
    for (let i = 1; i <= 2000; i++) projects.push({ title: `项目${i}`, sections: { content: [text()], results: [text()] } });
    projects.push({ title: '项目2001', sections: { content: [LONG_A] } }, { title: '项目2002', sections: { content: [LONG_A] } });
    const f = run(projects);
    expect(f.map((x) => x.project)).toEqual(['项目2002']);
  });

  it('fires through the reader on two sheets', () => {
    const t = (row: number, text: string) => ({ row, col: 0, kind: 'text' as const, value: text, text });
    const sheet = (name: string, index: number) => ({
      name,
      index,
      visibility: 'visible' as const,
      merges: [],
      cells: [t(0, name), t(1, '八、项目实施成效'), t(2, LONG_A)],
    });
    const snapshot = { sheets: [sheet('项目一', 0), sheet('项目二', 1)] };
    const read = readDisclosure(snapshot);
    const f = runRules({ projects: read.projects, tables: [], registry: [], snapshot }, [rule]).findings;
    expect(f.map((x) => [x.project, x.sheet, x.cell])).toEqual([['项目二', '项目二', 'A2']]);
  });
});
