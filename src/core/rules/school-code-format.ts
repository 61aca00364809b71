import { defineRule } from './types';

/** The school code is not exactly 10 digits. */
export default defineRule({
  meta: {
    id: 'school-code-format',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '学校标识码不是10位数字', en: 'The school code is not exactly 10 digits' },
    messages: {
      // TODO(owner): message templates
      found: { zh: '学校标识码不是10位数字', en: 'The school code is not exactly 10 digits' },
    },
  },
  check() {
    return []; // TODO(owner): implement
  },
});
