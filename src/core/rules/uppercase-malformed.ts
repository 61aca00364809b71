import { defineRule } from './types';

/** A capital-letter amount is not well formed. */
export default defineRule({
  meta: {
    id: 'uppercase-malformed',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '大写金额书写不规范', en: 'A capital-letter amount is not well formed' },
    messages: {
      // TODO(owner): message templates
      found: { zh: '大写金额书写不规范', en: 'A capital-letter amount is not well formed' },
    },
  },
  check() {
    return []; // TODO(owner): implement
  },
});
