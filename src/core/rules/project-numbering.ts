import { defineRule } from './types';

/** Project titles are not numbered 项目一, 项目二, … in sequence. */
export default defineRule({
  meta: {
    id: 'project-numbering',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '项目编号不连续或重复', en: 'Project titles are not numbered 项目一, 项目二, … in sequence' },
    messages: {
      // TODO(owner): message templates
      found: { zh: '项目编号不连续或重复', en: 'Project titles are not numbered 项目一, 项目二, … in sequence' },
    },
  },
  check() {
    return []; // TODO(owner): implement
  },
});
