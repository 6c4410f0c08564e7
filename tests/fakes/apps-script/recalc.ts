// When Sheets runs a custom function, made as strict as the host (hosts, issue 12):
// - A formula cell keeps its result until its ARGUMENTS change: "Google Sheets … custom functions … are
//   recalculated only when their arguments change" (developers.google.com, "Custom Functions in Google Sheets":
//   a function that reads a range itself is not re-run when that range changes; the page's own advice is to
//   pass the range as an argument). Reading the cell again returns the cached result; re-entering the same
//   formula keeps it too (reported by users: "gsheets caches formula results … even if you click 'enter'
//   again"); removing the formula and writing it back computes afresh.
// - Arguments are resolved the way Sheets does before the call: text and numbers literally, a reference
//   (A1, Ark!A1:C9, an open range Ark!A:C, a named range) as its current values — a single cell as a value,
//   anything larger as a 2-D array; an empty argument as undefined.
// - The call itself is a custom-function execution (30 s limit, read-only spreadsheet and properties).
// - A user's edit runs the onEdit simple trigger (30 s limit) after the value is in the cell.
// Formulas written through the API are in en_US syntax (commas); a formula a Norwegian user types uses
// semicolons and decimal commas — both are read.
import { AppsScriptException } from './errors.js';
import type { AppsScriptRuntime, CodeGlobals } from './index.js';
import { parseA1, parseTyped, type FakeSheet, type FormulaCell, type Value } from './spreadsheet.js';

type Arg = { kind: 'text'; value: string } | { kind: 'number'; value: number } | { kind: 'empty' } | { kind: 'ref'; ref: string };

/** Splits `text` at top-level `sep` (outside quotes and parentheses). */
function splitTop(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    else if (!quoted && depth === 0 && ch === sep) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** "=NAME(a; b; …)" → its name and arguments; undefined for anything that is not one function call. */
export function parseCall(formula: string): { name: string; args: Arg[] } | undefined {
  const m = /^=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\((.*)\)\s*$/s.exec(formula);
  if (!m) return undefined;
  const body = m[2]!.trim();
  const semicolons = splitTop(body, ';').length > 1;
  const raw = body === '' ? [] : splitTop(body, semicolons ? ';' : ',');
  const args: Arg[] = [];
  for (const part of raw.map((p) => p.trim())) {
    if (part === '') args.push({ kind: 'empty' });
    else if (/^"(?:[^"]|"")*"$/.test(part)) args.push({ kind: 'text', value: part.slice(1, -1).replace(/""/g, '"') });
    else if (semicolons && /^-?\d+(,\d+)?$/.test(part)) args.push({ kind: 'number', value: Number(part.replace(',', '.')) });
    else if (!semicolons && /^-?\d+(\.\d+)?$/.test(part)) args.push({ kind: 'number', value: Number(part) });
    else if (/^(?:'[^']+'|[\p{L}\p{N}_]+)!\$?[A-Z]+\$?\d*(?::\$?[A-Z]+\$?\d*)?$|^\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?$|^[\p{L}_][\p{L}\p{N}_]*$/u.test(part)) args.push({ kind: 'ref', ref: part });
    else return undefined;
  }
  return { name: m[1]!, args };
}

/** A reference's current values, read the way Sheets reads them (no script service call is counted). */
function resolveRef(runtime: AppsScriptRuntime, here: FakeSheet, ref: string): unknown {
  const ss = runtime.fake.spreadsheet;
  const named = ss.namedRanges.find((n) => n.name === ref);
  let sheet = here;
  let box: { row: number; column: number; rows: number; columns: number };
  if (named) {
    sheet = named.sheet;
    box = named.box;
  } else {
    const bang = ref.lastIndexOf('!');
    if (bang >= 0) {
      const name = ref.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
      const found = ss.sheet(name);
      if (!found) throw new AppsScriptException(`Unresolved sheet name '${name}'.`);
      sheet = found;
    }
    const a1 = (bang >= 0 ? ref.slice(bang + 1) : ref).replace(/\$/g, '');
    const open = /^([A-Z]+):([A-Z]+)$/.exec(a1);
    box = open ? { ...parseA1(`${open[1]}1:${open[2]}${Math.max(1, sheet.lastRow())}`) } : parseA1(a1);
  }
  const values: Value[][] = [];
  for (let r = 0; r < box.rows; r++) {
    const row: Value[] = [];
    for (let c = 0; c < box.columns; c++) row.push(sheet.displayValue(box.row + r, box.column + c));
    values.push(row);
  }
  return box.rows === 1 && box.columns === 1 ? values[0]![0] : values;
}

function keyOf(name: string, args: readonly unknown[]): string {
  return JSON.stringify([name, args], (_k, v: unknown) => (v === undefined ? { $undef: 1 } : v));
}

/** Makes `runtime` compute formula cells as Sheets does: cached per cell until the arguments change. */
export function installRecalc(runtime: AppsScriptRuntime): void {
  runtime.fake.evaluator = (formula: string, sheet: FakeSheet, cell?: FormulaCell) => {
    const call = parseCall(formula);
    if (!call) return undefined;
    let args: unknown[];
    try {
      args = call.args.map((a) => (a.kind === 'empty' ? undefined : a.kind === 'ref' ? resolveRef(runtime, sheet, a.ref) : a.value));
    } catch {
      return '#REF!';
    }
    const key = keyOf(call.name, args);
    if (cell?.result && cell.result.key === key) {
      runtime.cachedReads++;
      return cell.result.value;
    }
    const missing = Symbol('missing');
    let value: Value;
    try {
      const result = runtime.execute((g: CodeGlobals) => (typeof g[call.name] === 'function' ? g[call.name](...args) : missing), 'customFunction');
      if (result === missing) return undefined;
      const top = Array.isArray(result) ? (result[0] as unknown[] | undefined)?.[0] : result;
      value = (top ?? '') as Value;
    } catch {
      value = '#ERROR!';
    }
    if (cell) cell.result = { key, value };
    return value;
  };
}

/**
 * A user types `text` into `a1` on `sheetName` (parsed in the spreadsheet's locale), then Sheets runs the
 * script's onEdit simple trigger with the edited range, if the script has one.
 */
export function userEdit(runtime: AppsScriptRuntime, sheetName: string, a1: string, text: string): void {
  const ss = runtime.fake.spreadsheet;
  const sheet = ss.sheet(sheetName);
  if (!sheet) throw new Error(`Arket ${sheetName} finnes ikke`);
  const box = parseA1(a1);
  const cell = sheet.mutableCell(box.row, box.column);
  const parsed = parseTyped(text, ss.timeZone, ss.locale);
  delete cell.formula;
  delete cell.result;
  cell.value = parsed.value;
  if (parsed.formula !== undefined) cell.formula = parsed.formula;
  runtime.execute((g: CodeGlobals) => {
    if (typeof g.onEdit !== 'function') return;
    const range = g.SpreadsheetApp.getActive().getSheetByName(sheetName).getRange(a1);
    g.onEdit({ range, value: text, source: g.SpreadsheetApp.getActive(), authMode: 'LIMITED' });
  }, 'simpleTrigger');
}
