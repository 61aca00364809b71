import { defineRule } from './types';

/** A count or amount in the text differs from the table\'s total. */
export default defineRule({
  meta: {
    id: 'text-table-mismatch',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '正文中的人数或金额与表格合计不符', en: 'A count or amount in the text differs from the table\'s total' },
    messages: {
      // TODO(owner): message templates
      found: { zh: '正文中的人数或金额与表格合计不符', en: 'A count or amount in the text differs from the table\'s total' },
    },
  },
  check() {
    return []; // TODO(owner): implement
  },
});
