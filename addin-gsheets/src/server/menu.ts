// The DH menu and the sidebar. onOpen may run in AuthMode.NONE (an add-on not yet used in this
// document): it only builds the menu and touches no other service.
const MENU_ITEMS: readonly (readonly [caption: string, fn: string])[] = [['Åpne DH-panelet', 'showSidebar']];

export function onOpen(_e?: unknown): void {
  const ui = SpreadsheetApp.getUi();
  let menu: GoogleAppsScript.Base.Menu;
  try {
    menu = ui.createMenu('DH');
  } catch {
    menu = ui.createAddonMenu(); // a published Editor add-on gets its menu under Utvidelser
  }
  for (const [caption, fn] of MENU_ITEMS) menu.addItem(caption, fn);
  menu.addToUi();
}

export function onInstall(e?: unknown): void {
  onOpen(e);
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('sidebar').setTitle('DH');
  SpreadsheetApp.getUi().showSidebar(html);
}
