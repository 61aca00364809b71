import { defineRule } from './types';

/** A row\'s 小计 differs from the sum of its funding sources. */
export default defineRule({
  meta: {
    id: 'table-row-mismatch',
    defaultSeverity: 'error',
    fixable: true,
    description: { zh: '小计不等于各资金来源之和', en: 'A row\'s 小计 differs from the sum of its funding sources' },
    messages: {
      // TODO(owner): message templates
      found: { zh: '小计不等于各资金来源之和', en: 'A row\'s 小计 differs from the sum of its funding sources' },
    },
  },
  check() {
    return []; // TODO(owner): implement
  },
});
