/**
 * Entry of the task pane (taskpane.html, inside Office) and of the standalone page (index.html,
 * same bundle). Kept tiny: it only decides where it runs and loads that path's chunk, so the
 * add-in never downloads the standalone page (nor its .xlsx reader) and vice versa.
 */
function fail(): void {
  const el = document.getElementById('root');
  if (el) el.textContent = '页面加载失败，请刷新重试。 The page failed to load; reload it.';
}

function standalone(): void {
  import(/* webpackChunkName: "pane-standalone" */ './bootStandalone').then((m) => m.bootStandalone(), fail);
}

const office = (globalThis as { Office?: typeof Office }).Office;
if (office?.onReady) {
  void office.onReady().then((info) => {
    if (info.host !== office.HostType.Excel) {
      standalone();
      return;
    }
    let uiLanguage: string | undefined;
    try {
      uiLanguage = office.context.displayLanguage;
    } catch {
      uiLanguage = undefined;
    }
    import(/* webpackChunkName: "pane-office" */ './bootOffice').then((m) => m.bootOffice(uiLanguage), fail);
  });
} else {
  standalone();
}
