import { defineRule } from './types';

/** The code differs from the registry\'s code for the school. */
export default defineRule({
  meta: {
    id: 'school-code-registry-mismatch',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '学校标识码与学校名册不一致', en: 'The code differs from the registry\'s code for the school' },
    messages: {
      // TODO(owner): message templates
      found: { zh: '学校标识码与学校名册不一致', en: 'The code differs from the registry\'s code for the school' },
    },
  },
  check() {
    return []; // TODO(owner): implement
  },
});
