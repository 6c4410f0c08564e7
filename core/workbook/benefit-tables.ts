import { evaluateGevinst } from '../benefits/plan.js';
import type { DocumentedGain, Grant, Member } from '../dataset/model.js';
import { a1 } from '../findings/finding.js';
import type { KommuneRegistry } from '../kommuner/registry.js';
import { roundOre } from '../money/kroner.js';
import { fail, ok, type Result } from '../result.js';
import { cellText, isBlank, parseNumber } from '../util/cells.js';
import { columnIndex, type TableData } from './table.js';

function rowPlace(table: TableData, sheetRow: number, column: number): string {
  return `${table.name} rad ${sheetRow} (${table.sheet ? table.sheet + '!' : ''}${a1(sheetRow, (table.originColumn ?? 1) + column)})`;
}

/**
 * The DH_Gevinst rows that belong to one member kommune, as documented yearly benefits for the kommunes' balance.
 * Rows naming no kommune (felles) or one outside the cooperation belong to nobody's balance; the Gevinst view
 * reports the table's own problems, so reading it here never blocks the functions.
 */
export function gainsFromTable(table: TableData, members: readonly Member[], registry: KommuneRegistry): DocumentedGain[] {
  const memberNumbers = new Set(members.map((m) => m.kommunenr));
  const gains: DocumentedGain[] = [];
  for (const row of evaluateGevinst(table).rows) {
    if (!row.kommune) continue;
    const kommune = registry.resolve(row.kommune, memberNumbers);
    if (!kommune.ok || !memberNumbers.has(kommune.value.kommunenr)) continue;
    gains.push({
      kommunenr: kommune.value.kommunenr,
      name: row.name || 'Gevinst uten navn',
      ...(row.type ? { type: row.type } : {}),
      releasesBudget: row.releasesBudget,
      annualBenefit: roundOre(row.annualBenefit),
      annualCost: roundOre(row.annualCost),
      source: `${table.name} rad ${row.row}`,
    });
  }
  return gains;
}

/**
 * DH_Tilskudd (Tilskudd, Kommune, Beløp, [År]): external funding a table states as one kommune's. A row without a
 * kommune is the cooperation's and is not shared out (that would be a guess); a bad amount or kommune is an error
 * naming the cell, as for the other input tables.
 */
export function grantsFromTable(table: TableData, members: readonly Member[], registry: KommuneRegistry): Result<Grant[]> {
  const c = {
    name: columnIndex(table.headers, 'Tilskudd', 'Tiltak', 'Prosjekt', 'Navn'),
    kommune: columnIndex(table.headers, 'Kommune', 'Kommunenr'),
    amount: columnIndex(table.headers, 'Beløp', 'Belop', 'Kr'),
    year: columnIndex(table.headers, 'År', 'Ar'),
  };
  if (c.kommune < 0 || c.amount < 0) return fail(`${table.name} må ha kolonnene «Kommune» og «Beløp».`);
  const memberNumbers = new Set(members.map((m) => m.kommunenr));
  const grants: Grant[] = [];
  const origin = (table.originRow ?? 1) + 1;
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    if (row.every(isBlank) || isBlank(row[c.kommune])) continue;
    const sheetRow = origin + r;
    const kommune = registry.resolve(row[c.kommune], memberNumbers);
    if (!kommune.ok) return fail(`${rowPlace(table, sheetRow, c.kommune)}: ${kommune.error.message}`);
    const amount = parseNumber(row[c.amount]);
    if (!amount.ok) return fail(`${rowPlace(table, sheetRow, c.amount)}: Beløp – ${amount.reason}.`);
    let year: number | undefined;
    if (c.year >= 0 && !isBlank(row[c.year])) {
      const y = parseNumber(row[c.year]);
      if (!y.ok || !y.value.isInteger()) return fail(`${rowPlace(table, sheetRow, c.year)}: År – skriv et årstall, f.eks. 2026.`);
      year = y.value.toNumber();
    }
    grants.push({
      kommunenr: kommune.value.kommunenr,
      name: c.name >= 0 ? cellText(row[c.name]) || 'Tilskudd' : 'Tilskudd',
      amount: roundOre(amount.value),
      ...(year !== undefined ? { year } : {}),
      source: `${table.name} rad ${sheetRow}`,
    });
  }
  return ok(grants);
}
