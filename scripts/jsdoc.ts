// Shared by the two generators that turn catalog text into JSDoc (Excel custom functions, Sheets stubs).

/** JSDoc text on one line, unable to close the comment or start a tag. */
export function docText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\*\//g, '*\u2215').replace(/(^|\s)@/g, '$1(at)').trim();
}
