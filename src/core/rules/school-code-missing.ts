import { defineRule } from './types';

/** A school row has no school code. */
export default defineRule({
  meta: {
    id: 'school-code-missing',
    defaultSeverity: 'error',
    fixable: true,
    description: { zh: '学校缺少学校标识码', en: 'A school row has no school code' },
    messages: {
      // TODO(owner): message templates
      found: { zh: '学校缺少学校标识码', en: 'A school row has no school code' },
    },
  },
  check() {
    return []; // TODO(owner): implement
  },
});
