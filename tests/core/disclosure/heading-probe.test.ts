/**
 * matchHeading rejects most lines by their characters alone, before normalising them (the first
 * character must be able to start a numbering or a label, and a label's last character must be
 * there). These lines sit at the edges of that test: each is decided as the full test decides.
 */
import { describe, expect, it } from 'vitest';
import { aliasTable, matchHeading } from '../../../src/core/disclosure/index';

describe('matchHeading: the character test before normalising', () => {
  const table = aliasTable({ '＊特别说明': '资金安排情况', é说明: '立项依据' });

  it.each([
    ['（一）项目名称：党费返还', 'name'],
    ['１．项目概况', 'overview'],
    ['\u3000\u3000项目名称：党费返还', 'name'],
    ['十一、资金安排情况', 'funding'],
    // a configured label starting with a full-width character, written full- or half-width
    ['＊特别说明：见附表', 'funding'],
    ['*特别说明：见附表', 'funding'],
    // `e` alone starts no label, but NFKC composes it with the accent that follows into `é`
    ['e\u0301说明：依据文件', 'basis'],
    // an invisible character first: the full test strips it
    ['\u200b项目名称：党费返还', 'name'],
  ])('%j is a heading (%s)', (line, key) => {
    expect(matchHeading(line, table)?.key).toBe(key);
  });

  it.each(['本项目资金来源于区级财政。', '2023年共投入资金120万元', 'e说明：依据文件', '名称'])('%j is not a heading', (line) => {
    expect(matchHeading(line, table)).toBeNull();
  });
});
