import { defineRule } from './types';

/** Heading numbering contradicts the position or mixes styles. */
export default defineRule({
  meta: {
    id: 'heading-numbering',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '标题编号与位置不符或混用编号样式', en: 'Heading numbering contradicts the position or mixes styles' },
    messages: {
      // TODO(owner): message templates
      found: { zh: '标题编号与位置不符或混用编号样式', en: 'Heading numbering contradicts the position or mixes styles' },
    },
  },
  check() {
    return []; // TODO(owner): implement
  },
});
