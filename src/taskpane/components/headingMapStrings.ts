/** The words of 对应标题 (the dialog itself is a lazy chunk; the pane's button and notice need these at once). */
export const HEADING_MAP_TEXT = {
  zh: {
    open: '对应标题',
    title: '把本单位的标题对应到标准部分',
    intro: '选择一个未识别的标题，以及它对应的标准部分。对应关系保存在本工作簿中，之后的检查（加载项、网页版和命令行）都按它识别。',
    heading: '本单位的标题',
    section: '对应的标准部分',
    confirm: '对应并重新检查',
    cancel: '取消',
    done: (heading: string, section: string) => `已把“${heading}”对应到“${section}”，并已重新检查。`,
  },
  en: {
    open: 'Map headings',
    title: 'Map your heading to a standard section',
    intro:
      'Choose a heading that names no standard section and the standard section it is. The mapping is kept in this workbook; every later check (add-in, web page and command line) reads the heading as that section.',
    heading: 'Your heading',
    section: 'Standard section',
    confirm: 'Map and check again',
    cancel: 'Cancel',
    done: (heading: string, section: string) => `"${heading}" is now read as "${section}"; the workbook was checked again.`,
  },
} as const;
