import { defineRule } from './types';

/** A heading has no content under it. */
export default defineRule({
  meta: {
    id: 'section-empty',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '标题下没有内容', en: 'A heading has no content under it' },
    messages: {
      // TODO(owner): message templates
      found: { zh: '标题下没有内容', en: 'A heading has no content under it' },
    },
  },
  check() {
    return []; // TODO(owner): implement
  },
});
