// DH_Arkivplan as a workbook gives it: one row per kommune, the kommune by number or name (resolved within the
// members, so «Herøy» is the member Herøy), costs in nb-NO («kr 1 788,00»), dates dd.mm.åååå or real dates.
import { a1 } from '../findings/finding.js';
import type { KommuneRegistry } from '../kommuner/registry.js';
import { roundOre } from '../money/kroner.js';
import { fail, ok, type Result } from '../result.js';
import { cellText, isBlank, parseDate, parseNumber, type CellValue } from '../util/cells.js';
import { columnIndex, type TableData } from '../workbook/table.js';
import type { ArkivplanRow } from './model.js';

export const ARKIVPLAN_HEADERS = ['Kommune', 'Siste versjon', 'Løsning', 'Kostnad pr mnd', 'Avtaletype', 'Oppsigelsestid (mnd)', 'Oppsagt dato'] as const;

function place(table: TableData, r: number, c: number): string {
  const row = (table.originRow ?? 1) + 1 + r;
  return `${table.name} rad ${row} (${table.sheet ? table.sheet + '!' : ''}${a1(row, (table.originColumn ?? 1) + c)})`;
}

export function arkivplanFromTable(table: TableData, registry: KommuneRegistry, members: ReadonlySet<string>): Result<ArkivplanRow[]> {
  const col = {
    nr: columnIndex(table.headers, 'Kommunenr', 'Kommunenummer'),
    name: columnIndex(table.headers, 'Kommune', 'Kommunenavn'),
    version: columnIndex(table.headers, 'Siste versjon', 'Siste versjon arkivplan', 'Siste versjon arkviplan'),
    solution: columnIndex(table.headers, 'Løsning', 'Løsning i dag'),
    cost: columnIndex(table.headers, 'Kostnad pr mnd', 'Kostnad pr måned', 'Kostnad'),
    agreement: columnIndex(table.headers, 'Avtaletype', 'Type avtale'),
    notice: columnIndex(table.headers, 'Oppsigelsestid (mnd)', 'Oppsigelsestid'),
    given: columnIndex(table.headers, 'Oppsagt dato', 'Oppsagt'),
  };
  if (col.nr < 0 && col.name < 0) return fail(`${table.name} mangler kolonnen «Kommune».`);
  const rows: ArkivplanRow[] = [];
  const seen = new Set<string>();
  const text = (row: readonly CellValue[], c: number) => (c >= 0 ? cellText(row[c]).trim() : '');
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    if (row.every(isBlank)) continue;
    const label = text(row, col.name);
    if (/^(sum|totalt?)$/i.test(label)) continue;
    const input = col.nr >= 0 && !isBlank(row[col.nr]) ? cellText(row[col.nr]).padStart(4, '0') : label;
    const kommune = registry.resolve(input, members);
    if (!kommune.ok) return fail(`${place(table, r, col.nr >= 0 ? col.nr : col.name)}: ${kommune.error.message}`);
    const { kommunenr, name } = kommune.value;
    if (seen.has(kommunenr)) return fail(`${place(table, r, col.name >= 0 ? col.name : col.nr)}: ${name} står to ganger.`);
    seen.add(kommunenr);
    const date = (c: number, what: string): Result<string | undefined> => {
      if (c < 0 || isBlank(row[c])) return ok(undefined);
      const d = parseDate(row[c]);
      return d.ok ? ok(d.value) : fail(`${place(table, r, c)}: ${what} – ${d.reason}.`);
    };
    const version = date(col.version, 'Siste versjon');
    if (!version.ok) return version;
    const given = date(col.given, 'Oppsagt dato');
    if (!given.ok) return given;
    let monthlyCost;
    if (col.cost >= 0 && !isBlank(row[col.cost])) {
      const n = parseNumber(row[col.cost]);
      if (!n.ok || n.value.isNegative()) return fail(`${place(table, r, col.cost)}: Kostnad pr mnd – ${n.ok ? 'kan ikke være negativ' : n.reason}.`);
      if (!n.value.isZero()) monthlyCost = roundOre(n.value);
    }
    let noticeMonths;
    if (col.notice >= 0 && !isBlank(row[col.notice])) {
      const n = parseNumber(row[col.notice]);
      if (!n.ok || !n.value.isInteger() || n.value.isNegative() || n.value.greaterThan(60)) return fail(`${place(table, r, col.notice)}: Oppsigelsestid (mnd) må være et helt antall måneder.`);
      noticeMonths = n.value.toNumber();
    }
    rows.push({
      kommunenr,
      kommune: name,
      ...(version.value ? { lastVersion: version.value } : {}),
      ...(text(row, col.solution) ? { solution: text(row, col.solution) } : {}),
      ...(monthlyCost ? { monthlyCost } : {}),
      ...(text(row, col.agreement) ? { agreement: text(row, col.agreement) } : {}),
      ...(noticeMonths !== undefined ? { noticeMonths } : {}),
      ...(given.value ? { noticeGiven: given.value } : {}),
    });
  }
  if (rows.length === 0) return fail(`${table.name} har ingen kommuner.`);
  return ok(rows);
}
