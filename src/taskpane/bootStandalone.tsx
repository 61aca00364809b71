/** In a plain browser: the standalone page (loaded as its own chunk by index.tsx). */
import { render, storage } from './boot';
import { detectLang, storedLang } from './i18n';
import { StandaloneApp } from './standalone/StandaloneApp';

export function bootStandalone(): void {
  const lang = detectLang({ navigatorLanguage: navigator.language, search: window.location.search, stored: storedLang(storage()) });
  render(<StandaloneApp lang={lang} storage={storage()} sampleUrl="seeds/jiangchuan-2023.xlsx" />, lang);
}
