import type { Finding } from '../../core/findings/finding.js';
import { a1, compareCells, SEVERITY_ORDER } from '../../core/findings/finding.js';
import { reconcileSheets, registerRange, type SheetRange } from '../../core/reconcile/index.js';
import { checkRegister, findRegisterHeader, registerDataRowCount } from '../../core/register/index.js';
import { OPTIONS, parseArgs, parseIsoDate, stringFlag } from '../args.js';
import { datasetFromWorkbook } from '../workbook-dataset.js';
import { countText, findingJson, findingLine } from '../format.js';
import { CliError, EXIT_FINDINGS, EXIT_OK, isoDate, type CliIo } from '../io.js';
import { USAGE_KONTROLL } from '../usage.js';
import { checkWorkbookRelations } from '../../core/relations/index.js';
import { Budget } from '../xlsx/limits.js';
import { StopRequested } from '../../core/util/stop.js';
import { formulasWithoutResult, readTable, readWorkbook, sheetCells, tableNames, type WorkbookData } from '../workbook.js';

/**
 * The add-in's own tables (DH_Kommuner, DH_Prosjekter, DH_Fordeling_2026, …) where they stand: read as the dataset or
 * written by the add-in, so never reported as unread.
 */
function ownTableRanges(workbook: WorkbookData): SheetRange[] {
  const names = [...new Set(tableNames(workbook).filter((n) => /^DH_/i.test(n)))];
  return names.flatMap((name) => {
    const t = readTable(workbook, name);
    if (!t?.sheet) return [];
    const top = t.originRow ?? 1;
    const left = t.originColumn ?? 1;
    let width = Math.max(t.headers.length, 1);
    for (const r of t.rows) width = Math.max(width, r.length);
    return [{ sheet: t.sheet, top, left, bottom: top + t.rows.length, right: left + width - 1 }];
  });
}

const KIND_LABEL = { allocation: 'fordelingstabell', rpa: 'RPA-tabell', duo: 'DUO-tabell', budget: 'budsjettabell', arkivplan: 'arkivplantabell', register: 'systemregister' } as const;

/**
 * dh kontroll <fil.xlsx> [--dato ÅÅÅÅ-MM-DD] [--json] — finds the board tables and system registers on
 * every sheet by their headers, reconciles/checks them and prints the findings.
 */
export async function kontroll(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, [OPTIONS.json, OPTIONS.help, OPTIONS.dato]);
  if (args.flags.has('help')) {
    io.stdout(USAGE_KONTROLL);
    return EXIT_OK;
  }
  const [file, ...extra] = args.positional;
  if (!file) throw new CliError('Oppgi arbeidsboken som skal kontrolleres, f.eks. «dh kontroll styresak.xlsx».');
  if (extra.length) throw new CliError(`For mange argumenter: «${extra.join(' ')}». Bruk: dh kontroll <fil.xlsx>.`);
  const dato = stringFlag(args, 'dato');
  const today = dato !== undefined ? parseIsoDate(dato) : isoDate(io.now?.() ?? new Date());

  const budget = new Budget(file);
  const workbook = await readWorkbook(file, budget);
  const { data, used } = datasetFromWorkbook(workbook);
  // Formula text rides along with the values: the relation finder compares formulas with their column's pattern.
  const sheets = workbook.sheets.map((ws) => ({ ...sheetCells(ws), formulas: ws.formulas }));
  budget.check();
  const registers = sheets.flatMap((sheet) => {
    const header = findRegisterHeader(sheet.cells);
    return header ? [{ sheet, header }] : [];
  });
  const registerRanges = sheets.flatMap((sheet) => registerRange(sheet) ?? []);
  // The time limit holds in every phase: core asks the deadline from its row loops and stops on time.
  const reconciliation = budget.checking((shouldStop) =>
    reconcileSheets(sheets, { data, reportUnread: true, findRelations: checkWorkbookRelations, claimed: [...registerRanges, ...ownTableRanges(workbook)], shouldStop }),
  );
  const found: { kind: keyof typeof KIND_LABEL; where: string; rows: number }[] = reconciliation.tables.map((t) => ({ kind: t.kind, where: `${t.sheet}!${t.cell}`, rows: t.rows }));
  const findings: Finding[] = [...reconciliation.findings];
  for (const ws of workbook.sheets) {
    const { count, first } = formulasWithoutResult(ws);
    if (count === 0 || first === undefined) continue;
    findings.push({
      rule: 'kontroll.formel-uten-resultat',
      severity: 'warning',
      sheet: ws.name,
      cell: first,
      row: Number(/\d+$/.exec(first)![0]),
      column: first.replace(/\d+$/, ''),
      message: `${count === 1 ? 'Én celle har en formel' : `${countText(count, 'celle', 'celler')} har formler`} uten lagret resultat (første: ${first}), så tallene der kan ikke kontrolleres. Filen er lagret av et program som ikke regner ut formler: åpne og lagre den i Excel, og kontroller på nytt.`,
    });
  }
  for (const { sheet, header } of registers) {
    const checked = budget.checking((shouldStop) =>
      checkRegister(sheet.cells, {
        sheet: sheet.sheet, originRow: sheet.originRow ?? 1, originColumn: sheet.originColumn ?? 1, today, data,
        // Called about a hundred times per register; throwing from it stops the check.
        onProgress: () => {
          if (shouldStop()) throw new StopRequested();
        },
      }),
    );
    // One push per finding: a spread of a large register's findings would overflow the call stack.
    for (const f of checked) findings.push(f);
    const rows = registerDataRowCount(sheet.cells, header);
    found.push({ kind: 'register', where: `${sheet.sheet}!${a1(header.row + 1, 1)}`, rows });
  }

  // Sheets in workbook order; within a sheet errors first, then top-down.
  const sheetOrder = new Map(sheets.map((s, i) => [s.sheet, i]));
  findings.sort(
    (a, b) =>
      (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.row - b.row ||
      a.cell.length - b.cell.length ||
      compareCells(a.cell, b.cell),
  );
  const errors = findings.filter((f) => f.severity === 'error').length;

  if (args.flags.has('json')) {
    // The same text as JSON.stringify(all, null, 2), written a slice at a time: a large register's findings as
    // one string would cost hundreds of megabytes at once.
    if (findings.length === 0) io.stdout('[]\n');
    else {
      const out = new Chunked(io);
      out.push('[');
      findings.forEach((f, i) => out.push(`  ${JSON.stringify(findingJson(f), null, 2).replace(/\n/g, '\n  ')}${i < findings.length - 1 ? ',' : ''}`));
      out.push(']');
      out.flush();
    }
    return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
  }

  const out = new Chunked(io);
  const source = used.length ? `arbeidsbokens egne tabeller (${used.join(', ')})` : data.dataset.name;
  if (found.length === 0) {
    out.push(`Fant ingen fordelings-, RPA-, DUO- eller budsjettabeller og ingen systemregistre i «${file}».`);
  } else {
    out.push(`Kontroll av «${file}» (i dag = ${today}, datasett: ${source})`);
    out.push(`Fant ${found.map((t) => `${KIND_LABEL[t.kind]} ${t.where} (${countText(t.rows, 'rad', 'rader')})`).join(', ')}.`);
  }
  const others = reconciliation.relations?.blocks.filter((b) => b.status !== 'known') ?? [];
  if (others.length > 0) {
    const related = others.filter((b) => b.status === 'relations').map((b) => `${b.block.sheet}!${a1(b.range.top, b.range.left)}`);
    out.push(`Leste ${countText(others.length, 'annen tabell', 'andre tabeller')} med tall${related.length ? `; sammenhenger funnet og kontrollert i ${related.join(', ')}` : ''}.`);
  }
  let currentSheet: string | undefined;
  for (const f of findings) {
    if (f.sheet !== currentSheet) {
      currentSheet = f.sheet;
      out.push('', `Ark «${f.sheet}»:`);
    }
    out.push(findingLine(f));
  }
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const infos = findings.length - errors - warnings;
  if (found.length > 0 || findings.length > 0) {
    out.push(
      '',
      findings.length === 0
        ? 'Ingen funn: alle tall stemmer.'
        : `${countText(errors, 'feil', 'feil')}, ${countText(warnings, 'advarsel', 'advarsler')}, ${countText(infos, 'info', 'info')}.`,
    );
  }
  out.flush();
  return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** Output lines written to stdout some thousand at a time, so a report of a million findings is never one string. */
class Chunked {
  private lines: string[] = [];
  constructor(private readonly io: CliIo) {}
  push(...lines: string[]): void {
    for (const line of lines) this.lines.push(line);
    if (this.lines.length >= 4096) this.flush();
  }
  flush(): void {
    if (this.lines.length === 0) return;
    this.io.stdout(this.lines.join('\n') + '\n');
    this.lines = [];
  }
}
