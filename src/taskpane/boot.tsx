/** What both boot paths share: the theme (with Chinese UI fonts), storage, rendering. */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme, type Theme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Lang } from '../core/rules/types';

const CJK_FONTS =
  "'Segoe UI', 'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif";
export const theme: Theme = { ...webLightTheme, fontFamilyBase: CJK_FONTS };

export function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function render(node: ReactNode, lang: Lang): void {
  const el = document.getElementById('root');
  if (!el) return;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en-US';
  document.title = lang === 'zh' ? '预算公开文本检查' : 'Budget disclosure check';
  createRoot(el).render(
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      {node}
    </FluentProvider>,
  );
}

/** The standalone page's address (same folder as the pane), for the too-old state. */
export function standaloneUrl(): string {
  return new URL('index.html', window.location.href).href;
}
