import { defineRule } from './types';

/** A school name is not in 市+县+乡+校名 form. */
export default defineRule({
  meta: {
    id: 'school-name-format',
    defaultSeverity: 'warning',
    fixable: true,
    description: { zh: '校名不是“市+县+乡+校名”格式', en: 'A school name is not in 市+县+乡+校名 form' },
    messages: {
      // TODO(owner): message templates
      found: { zh: '校名不是“市+县+乡+校名”格式', en: 'A school name is not in 市+县+乡+校名 form' },
    },
  },
  check() {
    return []; // TODO(owner): implement
  },
});
