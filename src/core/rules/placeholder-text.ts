import { defineRule } from './types';

/** Placeholder text is left in the disclosure. */
export default defineRule({
  meta: {
    id: 'placeholder-text',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '文本中留有占位符', en: 'Placeholder text is left in the disclosure' },
    messages: {
      // TODO(owner): message templates
      found: { zh: '文本中留有占位符', en: 'Placeholder text is left in the disclosure' },
    },
  },
  check() {
    return []; // TODO(owner): implement
  },
});
