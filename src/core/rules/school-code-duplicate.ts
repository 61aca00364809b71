import { defineRule } from './types';

/** The same code is on two rows. */
export default defineRule({
  meta: {
    id: 'school-code-duplicate',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '同一学校标识码出现在多行', en: 'The same code is on two rows' },
    messages: {
      // TODO(owner): message templates
      found: { zh: '同一学校标识码出现在多行', en: 'The same code is on two rows' },
    },
  },
  check() {
    return []; // TODO(owner): implement
  },
});
