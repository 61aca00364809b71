import { defineRule } from './types';

/** The funding section and the schedule state different amounts. */
export default defineRule({
  meta: {
    id: 'plan-funding-mismatch',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '资金安排情况与项目实施计划的金额不一致', en: 'The funding section and the schedule state different amounts' },
    messages: {
      // TODO(owner): message templates
      found: { zh: '资金安排情况与项目实施计划的金额不一致', en: 'The funding section and the schedule state different amounts' },
    },
  },
  check() {
    return []; // TODO(owner): implement
  },
});
