import { defineRule } from './types';

/** The funding section states no amount and has no table. */
export default defineRule({
  meta: {
    id: 'funding-amount-missing',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '资金安排情况未写明金额且无表格', en: 'The funding section states no amount and has no table' },
    messages: {
      // TODO(owner): message templates
      found: { zh: '资金安排情况未写明金额且无表格', en: 'The funding section states no amount and has no table' },
    },
  },
  check() {
    return []; // TODO(owner): implement
  },
});
