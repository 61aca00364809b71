import { defineRule } from './types';

/** Two sections have the same or nearly the same text. */
export default defineRule({
  meta: {
    id: 'duplicate-text',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '不同部分文字相同或几乎相同', en: 'Two sections have the same or nearly the same text' },
    messages: {
      // TODO(owner): message templates
      found: { zh: '不同部分文字相同或几乎相同', en: 'Two sections have the same or nearly the same text' },
    },
  },
  check() {
    return []; // TODO(owner): implement
  },
});
