/** The pure core: no Office.js, no DOM, no file system. Everything else depends on it. */
export * from './snapshot/index';
export * from './model';
export * from './text/index';
export * from './rules/types';
export * from './rules/config';
export * from './rules/engine';
export { RULES, RULE_IDS, ruleById } from './rules/index';
export * from './report/index';
export * from './document';
export * from './check';
