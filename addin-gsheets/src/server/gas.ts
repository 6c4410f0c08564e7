/// <reference types="google-apps-script" />
// The Apps Script services the server code uses, in one place. Nothing here runs at load time: an
// add-on's onOpen runs in AuthMode.NONE, where touching a service other than the menu fails, so every
// service is looked up when a function actually needs it.

export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type Range = GoogleAppsScript.Spreadsheet.Range;
export type Cache = GoogleAppsScript.Cache.Cache;

export function activeSpreadsheet(): Spreadsheet {
  const ss = SpreadsheetApp.getActive();
  if (!ss) throw new Error('Fant ikke regnearket. DH-funksjonene virker bare i et Google-regneark.');
  return ss;
}

/** The document cache, or null outside a document (then nothing is cached across executions). */
export function documentCache(): Cache | null {
  try {
    return CacheService.getDocumentCache();
  } catch {
    return null;
  }
}

let timeZoneMemo: string | undefined;

/** The spreadsheet's time zone (dates in cells are midnight there), read once per execution. */
export function spreadsheetTimeZone(): string {
  if (timeZoneMemo === undefined) {
    try {
      timeZoneMemo = activeSpreadsheet().getSpreadsheetTimeZone() || 'Europe/Oslo';
    } catch {
      timeZoneMemo = 'Europe/Oslo';
    }
  }
  return timeZoneMemo;
}

export function formatDate(date: Date, pattern: string): string {
  return Utilities.formatDate(date, spreadsheetTimeZone(), pattern);
}

/** "Today" in the spreadsheet's time zone, as ISO yyyy-mm-dd. */
export function todayIso(): string {
  return formatDate(new Date(), 'yyyy-MM-dd');
}
