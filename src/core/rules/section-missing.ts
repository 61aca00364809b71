import { defineRule } from './types';

/** A standard section is missing from a project. */
export default defineRule({
  meta: {
    id: 'section-missing',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '项目缺少标准部分', en: 'A standard section is missing from a project' },
    messages: {
      // TODO(owner): message templates
      found: { zh: '项目缺少标准部分', en: 'A standard section is missing from a project' },
    },
  },
  check() {
    return []; // TODO(owner): implement
  },
});
