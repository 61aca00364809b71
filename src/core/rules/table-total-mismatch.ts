import { defineRule } from './types';

/** The 合计 row differs from the sum of its column. */
export default defineRule({
  meta: {
    id: 'table-total-mismatch',
    defaultSeverity: 'error',
    fixable: true,
    description: { zh: '合计行不等于该列之和', en: 'The 合计 row differs from the sum of its column' },
    messages: {
      // TODO(owner): message templates
      found: { zh: '合计行不等于该列之和', en: 'The 合计 row differs from the sum of its column' },
    },
  },
  check() {
    return []; // TODO(owner): implement
  },
});
