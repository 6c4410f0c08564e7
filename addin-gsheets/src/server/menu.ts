// The DH menu and the sidebar. onOpen may run in AuthMode.NONE (an add-on not yet used in this
// document): it only builds the menu and touches no other service. The menu is always the add-on menu
// (Utvidelser → DH): "If you intend to publish the add-on, always use Ui.createAddonMenu" (developers.google.com,
// "Custom menus for Editor add-ons"); a top-level menu would move there anyway once the add-on is published,
// and in a container-bound copy the add-on menu works as well.
const MENU_ITEMS: readonly (readonly [caption: string, fn: string])[] = [
  ['Åpne DH-panelet', 'showSidebar'],
  ['Regn ut DH-formler på nytt', 'recalculateDhFormulas'],
];

export function onOpen(_e?: unknown): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
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
