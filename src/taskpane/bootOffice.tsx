/** Inside Excel: the pane over the Excel host (loaded as its own chunk by index.tsx). */
import { Pane } from './App';
import { render, standaloneUrl, storage } from './boot';
import { detectLang } from './i18n';
import { createOfficeHost, officeSession } from './officeHost';

export async function bootOffice(officeLanguage: string | undefined): Promise<void> {
  const lang = detectLang({ officeLanguage, navigatorLanguage: navigator.language, search: window.location.search });
  const out = await createOfficeHost(lang);
  const url = standaloneUrl();
  const session = officeSession();
  if ('host' in out) {
    render(
      <Pane
        host={out.host}
        lang={lang}
        storage={storage()}
        standaloneUrl={url}
        initialOutcome={session.last()}
        subscribeOutcomes={session.subscribe}
        registerRequest={session.registerRequest}
      />,
      lang,
    );
  }
  else if ('tooOld' in out) render(<Pane host={null} lang={lang} tooOld standaloneUrl={url} />, lang);
  else render(<Pane host={null} lang={lang} error={out.error} standaloneUrl={url} />, lang);
}
