// The board's printed arkivplan table (seed 004: «| Siste versjon arkviplan | Løsning i dag | Kostnad pr måned |
// Type avtale»), recognised by its headers on any sheet and reconciled: the Sum row against its rows, each cost
// against DH_Arkivplan, each paid contract's earliest end against the date the decision says the own solution
// takes effect, and kommuner the decision names as paying that the table shows without cost.
import { effectiveEnd } from '../arkivplan/notice.js';
import { noticeMonthsIn, terminatedFrom } from '../arkivplan/status.js';
import type { ArkivplanDecision } from '../arkivplan/model.js';
import { isMostlyMembers, type DatasetContext } from '../dataset/context.js';
import { a1, type Finding, type Severity } from '../findings/finding.js';
import type { KommuneRegistry } from '../kommuner/registry.js';
import { formatDate } from '../money/format.js';
import { Dec, ZERO } from '../money/kroner.js';
import { cellText, isBlank, parseDate, type CellValue } from '../util/cells.js';
import { normalizeKey } from '../util/text.js';
import { RULES, kr } from './findings.js';
import { isSumLabel, type SheetCells } from './locate.js';
import { readCell } from './numbers.js';
import { rangeOf, type SheetRange } from './unread.js';
import { NEVER_STOP, type Tick } from '../util/stop.js';

export const ARKIVPLAN_RULES = {
  /** A paid contract cannot have ended by the date the decision says the own solution takes effect. */
  effect: 'kontroll.arkivplan-effekt',
  /** The decision names a kommune as paying; the table shows no cost for it. */
  paying: 'kontroll.arkivplan-betaler',
} as const;

const HEADER_PATTERNS = {
  version: /^siste versjon ark/,
  solution: /^(losning i dag|losning|dagens losning)$/,
  cost: /^kostnad (pr|per) (mnd|maned|md)/,
  agreement: /^(type avtale|avtaletype|avtale)$/,
};

export interface ArkivplanReconciliation {
  readonly sheet: string;
  /** A1 of the header's first cell. */
  readonly cell: string;
  readonly rows: number;
  readonly range: SheetRange;
  readonly findings: Finding[];
}

export interface ArkivplanOptions {
  readonly registry: KommuneRegistry;
  readonly data?: DatasetContext;
  /** Called once per row scanned; throws to stop (see core/util/stop.ts). */
  readonly tick?: Tick;
}

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

/** «1. januar 2026», «01.01.2026», «16.10.25» in running text → ISO. */
function dateIn(text: string): string | undefined {
  const words = new RegExp(`(\\d{1,2})\\.?\\s*(${MONTHS.join('|')})\\s+(\\d{4})`, 'i').exec(text);
  if (words) return `${words[3]}-${String(MONTHS.indexOf(words[2]!.toLowerCase()) + 1).padStart(2, '0')}-${words[1]!.padStart(2, '0')}`;
  const digits = /(\d{1,2}\.\d{1,2}\.\d{2,4})/.exec(text);
  if (digits) {
    const d = parseDate(digits[1]!);
    if (d.ok) return d.value;
  }
  return undefined;
}

interface SheetStatement {
  readonly value: string;
  readonly cell: string;
}

/** Decision text on the sheet: «… effekt fra 1. januar 2026», «vedtaksdato 16.10.2025», «betalte arkivplanavtaler (Sømna, …)». */
function statements(sheet: SheetCells) {
  const top = sheet.originRow ?? 1;
  const left = sheet.originColumn ?? 1;
  let effectFrom: SheetStatement | undefined;
  let decisionDate: SheetStatement | undefined;
  let paying: { names: string[]; cell: string } | undefined;
  sheet.cells.forEach((row, r) => row.forEach((value, c) => {
    if (typeof value !== 'string' || value.length < 12) return;
    const cell = a1(top + r, left + c);
    const effect = /effekt\s+fra\s+(.{6,25})/i.exec(value);
    const effectDate = effect ? dateIn(effect[1]!) : undefined;
    if (effectDate && !effectFrom) effectFrom = { value: effectDate, cell };
    const decided = /(vedtaksdato|vedtatt|styrem[øo]te)\s*:?\s*(?:den\s+)?(.{6,25})/i.exec(value);
    const decidedDate = decided ? dateIn(decided[2]!) : undefined;
    if (decidedDate && !decisionDate) decisionDate = { value: decidedDate, cell };
    const list = /betalt\w*\s+arkivplan\w*\s*\(([^)]+)\)/i.exec(value);
    if (list && !paying) paying = { names: list[1]!.split(/,|\bog\b/).map((n) => n.trim()).filter(Boolean), cell };
  }));
  return { effectFrom, decisionDate, paying };
}

const HEADER_ROLES = Object.entries(HEADER_PATTERNS) as [keyof typeof HEADER_PATTERNS, RegExp][];

/**
 * The arkivplan header's columns, when `row` is one. Every row of every sheet is asked (a 1 000 000-row register
 * too), so only text cells are read: a number, date, truth value or error never reads as one of these headings,
 * and a row with fewer than three text cells cannot hold three of them.
 */
function headerColumns(row: readonly CellValue[]): Partial<Record<keyof typeof HEADER_PATTERNS, number>> | undefined {
  let texts = 0;
  for (let c = 0; c < row.length && texts < 3; c++) if (typeof row[c] === 'string') texts++;
  if (texts < 3) return undefined;
  let found: Partial<Record<keyof typeof HEADER_PATTERNS, number>> | undefined;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (typeof cell !== 'string') continue;
    const h = normalizeKey(cell);
    for (const [role, pattern] of HEADER_ROLES) {
      if (pattern.test(h)) (found ??= {})[role] ??= c;
    }
  }
  return found?.cost !== undefined && Object.keys(found).length >= 3 ? found : undefined;
}

/** Without a dataset, an ambiguous name (Herøy) is read in the fylke the table's other kommuner lie in. */
function fylkeOf(labels: readonly string[], registry: KommuneRegistry): ReadonlySet<string> | undefined {
  const named = labels.filter(Boolean).map((l) => registry.resolve(l)).flatMap((k) => (k.ok ? [k.value] : []));
  return registry.fylkeScope(named);
}

/** Every arkivplan table on a sheet, reconciled. */
export function reconcileArkivplanTables(sheet: SheetCells, options: ArkivplanOptions): ArkivplanReconciliation[] {
  const out: ArkivplanReconciliation[] = [];
  const top = sheet.originRow ?? 1;
  const left = sheet.originColumn ?? 1;
  let said: ReturnType<typeof statements> | undefined;
  const tick = options.tick ?? NEVER_STOP;
  for (let h = 0; h < sheet.cells.length; h++) {
    tick();
    const columns = headerColumns(sheet.cells[h]!);
    if (!columns) continue;
    said ??= statements(sheet);
    const headerRow = sheet.cells[h]!;
    const named = headerRow.findIndex((cell) => /^(kommune|kommunenavn)$/.test(normalizeKey(cellText(cell))));
    const kommuneCol = named >= 0 ? named : Math.max(0, Math.min(...Object.values(columns)) - 1);
    const costCol = columns.cost!;
    const width = Math.max(headerRow.length, costCol + 1);
    const findings: Finding[] = [];
    const header = (c: number) => cellText(headerRow[c]).replace(/\s+/g, ' ').trim() || (c === kommuneCol ? 'Kommune' : a1(1, left + c).replace(/\d+$/, ''));
    const add = (r: number, c: number, rule: string, severity: Severity, message: string, expected?: string, actual?: string) =>
      findings.push({ rule, severity, sheet: sheet.sheet, cell: a1(top + r, left + c), row: top + r, column: header(c), message, ...(expected !== undefined ? { expected } : {}), ...(actual !== undefined ? { actual } : {}) });

    const scope = options.data?.memberNumbers ?? fylkeOf(sheet.cells.slice(h + 1).map((row) => cellText(row[kommuneCol]).trim()), options.registry);
    const rows: { r: number; kommunenr: string; name: string; cost: Dec; agreement: string }[] = [];
    let sumRow: number | undefined;
    let blanks = 0;
    let end = h + 1;
    for (let r = h + 1; r < sheet.cells.length; r++) {
      tick();
      const row = sheet.cells[r]!;
      end = r + 1;
      if (row.every(isBlank)) {
        if (++blanks >= 2 && rows.length) break;
        continue;
      }
      blanks = 0;
      if (headerColumns(row)) {
        end = r;
        break;
      }
      const label = cellText(row[kommuneCol]).trim();
      if (isSumLabel(label)) {
        sumRow = r;
        break;
      }
      const kommune = label ? options.registry.resolve(label, scope) : undefined;
      if (!kommune?.ok) continue;
      const reading = readCell(row[costCol]);
      if (reading.kind === 'invalid') {
        add(r, costCol, RULES.number, 'error', `Kostnaden for ${kommune.value.name} er ikke et tall (${reading.reason}).`, undefined, reading.text);
        continue;
      }
      const cost = reading.kind === 'number' ? reading.number.value : ZERO;
      const agreement = columns.agreement !== undefined ? cellText(row[columns.agreement]) : '';
      rows.push({ r, kommunenr: kommune.value.kommunenr, name: kommune.value.name, cost, agreement: `${agreement} ${columns.solution !== undefined ? cellText(row[columns.solution]) : ''}`.trim() });
    }
    if (rows.length === 0) continue;
    const total = rows.reduce((a, x) => a.plus(x.cost), ZERO);

    // The Sum row against its rows.
    if (sumRow !== undefined) {
      const printed = readCell(sheet.cells[sumRow]![costCol]);
      if (printed.kind === 'number' && printed.number.value.minus(total).abs().greaterThanOrEqualTo('0.01')) {
        add(sumRow, costCol, RULES.sum, 'error', `Summen av kostnad pr måned er ${kr(total)}, men Sum-raden viser ${kr(printed.number.value)}.`, kr(total), kr(printed.number.value));
      }
    }

    // Costs against DH_Arkivplan, when the table is the dataset's own (nearly all its kommuner are members).
    const own = options.data !== undefined && isMostlyMembers(rows.filter((x) => options.data!.memberNumbers.has(x.kommunenr)).length, rows.length);
    const input = own ? options.data!.dataset.arkivplan : undefined;
    if (input) {
      const inputCost = new Map(input.rows.map((x) => [x.kommunenr, x.monthlyCost ?? ZERO]));
      for (const x of rows) {
        const expected = inputCost.get(x.kommunenr);
        if (expected === undefined || expected.minus(x.cost).abs().lessThan('0.01')) continue;
        add(x.r, costCol, RULES.input, 'error', `Kostnaden pr måned for ${x.name} er ${kr(x.cost)} i tabellen, men ${kr(expected)} i DH_Arkivplan.`, kr(expected), kr(x.cost));
      }
    }

    // The decision's effect date against each paid contract's earliest end.
    const decision: Partial<ArkivplanDecision> = input?.decision ?? {};
    const effectFrom = said.effectFrom?.value ?? decision.effectFrom;
    const decisionDate = said.decisionDate?.value ?? decision.decisionDate;
    const effectSource = said.effectFrom ? `vedtaket (${sheet.sheet}!${said.effectFrom.cell})` : 'vedtaket i datasettet';
    if (effectFrom && decisionDate) {
      const inputRows = new Map(input?.rows.map((x) => [x.kommunenr, x]) ?? []);
      for (const x of rows) {
        if (x.cost.isZero() || terminatedFrom(x.agreement)) continue;
        const months = inputRows.get(x.kommunenr)?.noticeMonths ?? noticeMonthsIn(x.agreement) ?? decision.defaultNoticeMonths ?? 3;
        const given = inputRows.get(x.kommunenr)?.noticeGiven ?? decisionDate;
        const earliest = effectiveEnd(given, months, decision.rule ?? 'fra-dato');
        if (earliest <= effectFrom) continue;
        add(x.r, columns.agreement ?? costCol, ARKIVPLAN_RULES.effect, 'warning',
          `${x.name} har ${months} måneders oppsigelse: sagt opp ${formatDate(given)} opphører avtalen tidligst ${formatDate(earliest)}, etter «effekt fra ${formatDate(effectFrom)}» i ${effectSource}. ` +
            `Avtalen (${kr(x.cost)} pr måned) må betales til da.`,
          `opphør senest ${formatDate(effectFrom)}`, `tidligst ${formatDate(earliest)}`);
      }
    }

    // Kommuner the decision names as paying, shown without cost.
    const payingNames = said.paying?.names.map((n) => options.registry.resolve(n, scope)).filter((k) => k.ok).map((k) => (k.ok ? k.value.kommunenr : ''));
    const paying = payingNames ?? decision.payingKommuner ?? [];
    const payingSource = said.paying ? `vedtaket (${sheet.sheet}!${said.paying.cell})` : 'vedtaket i datasettet';
    for (const nr of paying) {
      const x = rows.find((y) => y.kommunenr === nr);
      const name = options.registry.byNumber(nr)?.name ?? nr;
      if (!x) add(h, kommuneCol, ARKIVPLAN_RULES.paying, 'warning', `${payingSource[0]!.toUpperCase()}${payingSource.slice(1)} nevner ${name} blant kommunene med betalt arkivplanavtale, men ${name} står ikke i tabellen.`);
      else if (x.cost.isZero()) add(x.r, costCol, ARKIVPLAN_RULES.paying, 'warning', `${payingSource[0]!.toUpperCase()}${payingSource.slice(1)} nevner ${name} blant kommunene med betalt arkivplanavtale, men tabellen viser ingen kostnad for ${name}.`, 'en kostnad pr måned', 'ingen');
    }

    const last = (sumRow ?? end - 1);
    out.push({
      sheet: sheet.sheet,
      cell: a1(top + h, left + kommuneCol),
      rows: rows.length,
      range: rangeOf(sheet.sheet, top, left, h, last, width),
      findings,
    });
  }
  return out;
}
