/** Inside Excel: the pane over the Excel host (loaded as its own chunk by index.tsx). */
import { Pane } from './App';
import { render, standaloneUrl, storage } from './boot';
import { detectLang, storedLang } from './i18n';
import { createOfficeHost, officePlatform, officeSession, officeWorkbookName } from './officeHost';
import { workbookBaseName } from './download';
import { registryReader, spawnWorkbookWorker } from './standalone/workerClient';

export async function bootOffice(officeLanguage: string | undefined): Promise<void> {
  const lang = detectLang({
    officeLanguage,
    navigatorLanguage: navigator.language,
    search: window.location.search,
    stored: storedLang(storage()),
  });
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
        // Settings → 学校名录来自其他文件: read in the workbook worker (the reader is never in the pane's bundle)
        readRegistry={registryReader(spawnWorkbookWorker, lang)}
        platform={officePlatform()}
        workbookName={() => {
          const url = officeWorkbookName();
          return url ? workbookBaseName(url.split(/[?#]/)[0] ?? url) : null;
        }}
      />,
      lang,
    );
  } else if ('tooOld' in out) render(<Pane host={null} lang={lang} tooOld standaloneUrl={url} />, lang);
  else render(<Pane host={null} lang={lang} error={out.error} standaloneUrl={url} />, lang);
}
