import { defineRule } from './types';

/** A section appears twice in a project. */
export default defineRule({
  meta: {
    id: 'section-duplicate',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '同一部分出现两次', en: 'A section appears twice in a project' },
    messages: {
      // TODO(owner): message templates
      found: { zh: '同一部分出现两次', en: 'A section appears twice in a project' },
    },
  },
  check() {
    return []; // TODO(owner): implement
  },
});
