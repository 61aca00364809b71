/**
 * Ribbon commands (minimal placeholder written by the ui engineer so the bundle builds;
 * engineer #6 owns this file and replaces it). The ribbon button opens the task pane
 * (ShowTaskpane in the manifest); function commands are registered here.
 */
Office.onReady(() => {
  Office.actions.associate('check', (event: Office.AddinCommands.Event) => {
    event.completed();
  });
});
