import { defineRule } from './types';

/** The code\'s type digits contradict the school\'s name. */
export default defineRule({
  meta: {
    id: 'school-code-category',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '学校标识码的类型与校名不符', en: 'The code\'s type digits contradict the school\'s name' },
    messages: {
      // TODO(owner): message templates
      found: { zh: '学校标识码的类型与校名不符', en: 'The code\'s type digits contradict the school\'s name' },
    },
  },
  check() {
    return []; // TODO(owner): implement
  },
});
