/**
 * Header recognition for school tables and registries: what a header cell's text says.
 * Texts are compared after NFKC and with spaces removed (`（` → `(`).
 */
import type { FundingColumn } from '../model';
import { compact } from './values';

/** 学校代码（10位代码）, 学校标识码, 学校(机构)标识码, 标识码, 机构代码, 代码. */
export const CODE_HEADER = /^(?:学校(?:\(机构\))?|机构)?(?:代码|标识码)(?:$|\(|（|[:：])/;
/** 学校名称（市+县+乡+校名）, 学校, 单位名称, 学校(机构)名称, 学校（单位）全称, 校名. */
export const NAME_HEADER = /^(?:(?:学校|单位|机构)(?:\((?:机构|单位|学校)\))?(?:名称|全称|名)?|校名)(?:$|\()/;
export const TOWN_HEADER = /^(?:所在)?(?:乡镇|街道|乡\(镇\)|乡镇\(街道\)|乡镇街道|乡镇\/街道|所属乡镇)/;
export const TYPE_HEADER = /^(?:办学类型|学校类型|学段|类型|办学层次)/;
export const NOTE_HEADER = /^备注/;
export const PROJECT_HEADER = /^(?:项目名称|项目内容|建设内容|项目)$|^项目名称\(/;
export const COUNT_HEADER = /数量|人数|学生数|在校生|人次$|^.{0,8}数\((?:人|名|个|所)\)|\((?:人|名|人次)\)$/;
export const MONEY_WORD = /万元|元\)|资金|金额|经费|预算/;
export const TOTAL_LABEL = /^(?:合计|总计|共计|总合计)/;
export const SUBTOTAL_LABEL = /小计$/;

/** The funding column a leaf header names, or null. */
export function fundingColumnOf(leaf: string): FundingColumn | null {
  // `其中：中央` heads the first source column in a one-row header
  const t = compact(leaf).replace(/^其中[:：]?/u, '');
  if (/^(?:小计|合计|总计)/.test(t)) return 'subtotal';
  if (t.startsWith('中央')) return 'central';
  // the levels by their names in every province: 自治区, 地(市)/盟/自治州, 区(县)/旗/自治县; 自筹 and 社会捐赠 are other sources
  if (/^(?:省|自治区)/.test(t)) return 'provincial';
  if (/^(?:县|区级|区本级|县区|县级|区\(县\)|区县|旗|自治县)/.test(t)) return 'county';
  if (/^(?:州|市|地区|地\(市\)|地级|盟|自治州)/.test(t)) return 'prefecture';
  if (/^(?:其[它他]|自筹|社会|捐赠)/.test(t)) return 'other';
  return null;
}

/** A header-like label: the vocabulary of the standard table's header rows. */
export function isHeaderLabel(text: string): boolean {
  const t = compact(text);
  if (t === '') return false;
  return (
    CODE_HEADER.test(t) ||
    NAME_HEADER.test(t) ||
    t.startsWith('备注') ||
    PROJECT_HEADER.test(t) ||
    COUNT_HEADER.test(t) ||
    MONEY_WORD.test(t) ||
    fundingColumnOf(t) !== null ||
    /^项目建设计划|^资金来源|^资金需求/.test(t)
  );
}
