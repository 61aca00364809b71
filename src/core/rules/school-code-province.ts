import { defineRule } from './types';

/** The code\'s province digits differ from the workbook\'s province. */
export default defineRule({
  meta: {
    id: 'school-code-province',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '学校标识码的省份与本单位不符', en: 'The code\'s province digits differ from the workbook\'s province' },
    messages: {
      // TODO(owner): message templates
      found: { zh: '学校标识码的省份与本单位不符', en: 'The code\'s province digits differ from the workbook\'s province' },
    },
  },
  check() {
    return []; // TODO(owner): implement
  },
});
