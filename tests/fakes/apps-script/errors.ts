// Apps Script reports misuse as an "Exception" whose message is the sentence below (the editor and the
// execution log print it as "Exception: <message>"). The fake throws the same way, so code under test that
// relies on forgiving behaviour fails here as it would in Google Sheets.
export class AppsScriptException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

export const MESSAGES = {
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  outOfBounds: 'The coordinates of the range are outside the dimensions of the sheet.',
  startRowTooSmall: 'The starting row of the range is too small.',
  startColumnTooSmall: 'The starting column of the range is too small.',
  rowsAtLeastOne: 'The number of rows in the range must be at least 1.',
  columnsAtLeastOne: 'The number of columns in the range must be at least 1.',
  rangeNotFound: 'Range not found',
  sheetExists: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  lastSheet: "You can't remove all the sheets in a document.",
  sheetDeleted: 'The sheet has been deleted.',
  invalidName: (name: string) => `Invalid name: "${name}". Named ranges must start with a letter or underscore, and contain only letters, numbers and underscores.`,
  tooLarge: (what: 'key' | 'value') => `Argument too large: ${what}`,
  noHtmlFile: (name: string) => `No HTML file named ${name} was found.`,
  permission: (method: string) =>
    `You do not have permission to call ${method}. Required permissions: https://www.googleapis.com/auth/spreadsheets`,
  uiContext: 'Cannot call SpreadsheetApp.getUi() from this context.',
  invalidArgument: (what: string) => `Invalid argument: ${what}`,
  cannotConvert: (value: string) => `Cannot convert '${value}' to a cell value.`,
  serviceError: 'Service Spreadsheets failed while accessing document with id 1DH-fake.',
};
