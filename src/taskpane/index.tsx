/**
 * Entry of the task pane and of the standalone page (same bundle). Inside Excel the pane gets
 * the Excel host; in a plain browser it offers 打开工作簿 and reads the file in the browser.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme, type Theme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { Pane } from './App';
import { detectLang } from './i18n';
import { StandaloneApp } from './standalone/StandaloneApp';
import type { Lang } from '../core/rules/types';

const CJK_FONTS = "'Segoe UI', 'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif";
const theme: Theme = { ...webLightTheme, fontFamilyBase: CJK_FONTS };

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function render(node: ReactNode, lang: Lang): void {
  const el = document.getElementById('root');
  if (!el) return;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en-US';
  document.title = lang === 'zh' ? '预算公开文本检查' : 'Budget disclosure check';
  createRoot(el).render(<FluentProvider theme={theme} style={{ minHeight: '100vh' }}>{node}</FluentProvider>);
}

const STANDALONE_URL = new URL('index.html', window.location.href).href;

function bootStandalone(): void {
  const lang = detectLang({ navigatorLanguage: navigator.language, search: window.location.search });
  render(
    <StandaloneApp
      lang={lang}
      storage={storage()}
      sampleUrl="seeds/jiangchuan-2023.xlsx"
      loadXlsx={() => import(/* webpackChunkName: "xlsx" */ './standalone/xlsx').then((m) => m.xlsxModule)}
    />,
    lang,
  );
}

async function bootOffice(officeLanguage: string | undefined): Promise<void> {
  const lang = detectLang({ officeLanguage, navigatorLanguage: navigator.language, search: window.location.search });
  const { createOfficeHost } = await import(/* webpackChunkName: "excel" */ './officeHost');
  const out = await createOfficeHost(lang);
  if ('host' in out) {
    render(<Pane host={out.host} lang={lang} storage={storage()} standaloneUrl={STANDALONE_URL} />, lang);
  } else if ('tooOld' in out) {
    render(<Pane host={null} lang={lang} tooOld standaloneUrl={STANDALONE_URL} />, lang);
  } else {
    render(<Pane host={null} lang={lang} error={out.error} standaloneUrl={STANDALONE_URL} />, lang);
  }
}

const office = (globalThis as { Office?: typeof Office }).Office;
if (office?.onReady) {
  void office.onReady().then((info) => {
    if (info.host === office.HostType.Excel) {
      let uiLanguage: string | undefined;
      try {
        uiLanguage = office.context.displayLanguage;
      } catch {
        uiLanguage = undefined;
      }
      void bootOffice(uiLanguage);
    } else {
      bootStandalone();
    }
  });
} else {
  bootStandalone();
}
