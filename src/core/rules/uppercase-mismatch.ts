import { defineRule } from './types';

/** A capital-letter amount disagrees with the figure beside it. */
export default defineRule({
  meta: {
    id: 'uppercase-mismatch',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '大写金额与小写金额不一致', en: 'A capital-letter amount disagrees with the figure beside it' },
    messages: {
      // TODO(owner): message templates
      found: { zh: '大写金额与小写金额不一致', en: 'A capital-letter amount disagrees with the figure beside it' },
    },
  },
  check() {
    return []; // TODO(owner): implement
  },
});
