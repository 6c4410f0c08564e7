/// <reference types="office-js" />
// Entry of dist/excel/commands.js. The ribbon button uses ShowTaskpane (manifest), so nothing is needed
// here to open the pane; `visPanel` is registered for an ExecuteFunction command should one be added.
function visPanel(event: Office.AddinCommands.Event): void {
  const done = () => event.completed();
  Office.addin.showAsTaskpane().then(done, done);
}

Office.onReady(() => {
  const actions = (Office as unknown as { actions?: { associate(name: string, fn: (event: Office.AddinCommands.Event) => void): void } }).actions;
  actions?.associate('visPanel', visPanel);
});
