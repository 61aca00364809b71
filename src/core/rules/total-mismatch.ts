import { defineRule } from './types';

/** A stated total differs from the sum of its listed parts. */
export default defineRule({
  meta: {
    id: 'total-mismatch',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '合计金额与所列分项之和不符', en: 'A stated total differs from the sum of its listed parts' },
    messages: {
      // TODO(owner): message templates
      found: { zh: '合计金额与所列分项之和不符', en: 'A stated total differs from the sum of its listed parts' },
    },
  },
  check() {
    return []; // TODO(owner): implement
  },
});
