import { defineRule } from './types';

/** A written calculation is wrong. */
export default defineRule({
  meta: {
    id: 'arithmetic',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '算式计算错误', en: 'A written calculation is wrong' },
    messages: {
      // TODO(owner): message templates
      found: { zh: '算式计算错误', en: 'A written calculation is wrong' },
    },
  },
  check() {
    return []; // TODO(owner): implement
  },
});
