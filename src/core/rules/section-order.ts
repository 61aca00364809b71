import { defineRule } from './types';

/** Sections are out of the standard order. */
export default defineRule({
  meta: {
    id: 'section-order',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '部分顺序与标准顺序不一致', en: 'Sections are out of the standard order' },
    messages: {
      // TODO(owner): message templates
      found: { zh: '部分顺序与标准顺序不一致', en: 'Sections are out of the standard order' },
    },
  },
  check() {
    return []; // TODO(owner): implement
  },
});
