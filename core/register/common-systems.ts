// "Felles systemer": systems used by two or more kommuner, with their summed monthly cost — the list a
// cooperation takes into a licence renegotiation (SPEC §5, cross-kommune report).
import type { DatasetContext } from '../dataset/context.js';
import type { KommuneRegistry } from '../kommuner/registry.js';
import { ZERO, type Kroner } from '../money/kroner.js';
import { findRegisterHeader } from './fields.js';
import { RegisterReader, RowFacts } from './reader.js';
import { supplierSpelling } from './suppliers.js';
import { CELL_VALUE, STATUS_OUT_OF_USE } from './values.js';

export interface CommonSystemsOptions {
  readonly data?: DatasetContext;
  readonly registry?: KommuneRegistry;
  /** Accepted for symmetry with checkRegister; the report does not depend on the date. */
  readonly today?: string;
  /** The sheet's name: a register without a kommune column belongs to the kommune it names («Rana»). */
  readonly sheet?: string;
  readonly originRow?: number;
  readonly originColumn?: number;
}

export interface CommonSystem {
  /** The system's most common spelling in the register. */
  readonly system: string;
  /** The supplier's most common spelling ("" when no row names one). */
  readonly supplier: string;
  /** The kommuner using it, by kommunenummer. */
  readonly kommuner: readonly { readonly kommunenr: string; readonly name: string }[];
  /** Number of kommuner. */
  readonly count: number;
  /** Sum of Kostnad pr mnd over the rows (exact decimal; blank or unreadable costs count as 0, see rowsWithoutCost). */
  readonly monthlyCost: Kroner;
  /** Register rows behind this entry. */
  readonly rows: number;
  /** Rows whose cost was blank or unreadable. */
  readonly rowsWithoutCost: number;
}

interface Group {
  readonly systemSpellings: Map<string, number>;
  readonly supplierSpellings: Map<string, number>;
  readonly kommuner: Map<string, string>;
  cost: Kroner;
  rows: number;
  rowsWithoutCost: number;
}

function mostCommon(counts: Map<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [text, count] of counts) {
    if (count > bestCount) {
      best = text;
      bestCount = count;
    }
  }
  return best;
}

function bump(counts: Map<string, number>, text: string): void {
  counts.set(text, (counts.get(text) ?? 0) + 1);
}

/**
 * Systems used by at least two kommuner, grouped by system name and supplier (both compared case-, space- and
 * diacritic-insensitively; suppliers without legal forms, so "Visma AS" = "VISMA"). Rows marked out of use and rows
 * whose kommune is unknown or ambiguous are left out (rows are placed by kommunenummer). Sorted by number of
 * kommuner, then by monthly cost, both descending. An unreadable register gives an empty list (checkRegister says why).
 */
export function commonSystems(cells: readonly (readonly unknown[])[], options: CommonSystemsOptions = {}): CommonSystem[] {
  const rows: readonly (readonly unknown[])[] = Array.isArray(cells) ? cells : [];
  const header = findRegisterHeader(rows);
  if (!header) return [];
  const reader = new RegisterReader(rows, header, {
    registry: options.data?.registry ?? options.registry,
    scope: options.data?.memberNumbers,
    sheet: typeof options.sheet === 'string' ? options.sheet : undefined,
  });
  const supplierCol = reader.col.supplier;
  const groups = new Map<string, Group>();
  const facts = new RowFacts();
  for (let r = reader.firstDataRow; r < rows.length; r++) {
    if (!reader.read(r, facts)) continue;
    const kommune = facts.kommune?.kommune;
    const system = facts.system;
    if (!kommune || !system || system.group.key === '' || facts.status === STATUS_OUT_OF_USE) continue;
    const supplierRaw = facts.cellClass(supplierCol) === CELL_VALUE ? facts.row[supplierCol] : undefined;
    const supplier = typeof supplierRaw === 'string' ? supplierSpelling(supplierRaw) : supplierRaw === undefined ? '' : String(supplierRaw);
    const key = system.group.key + '\u0000' + (supplier ? reader.supplierKeyOf(supplier) : '');
    let group = groups.get(key);
    if (!group) {
      group = { systemSpellings: new Map(), supplierSpellings: new Map(), kommuner: new Map(), cost: ZERO, rows: 0, rowsWithoutCost: 0 };
      groups.set(key, group);
    }
    group.rows++;
    bump(group.systemSpellings, system.text.replace(/\s+/g, ' '));
    if (supplier) bump(group.supplierSpellings, supplier);
    group.kommuner.set(kommune.kommunenr, kommune.name);
    const cost = reader.costDec(facts);
    if (cost) group.cost = group.cost.plus(cost);
    else group.rowsWithoutCost++;
  }
  const result: CommonSystem[] = [];
  for (const group of groups.values()) {
    if (group.kommuner.size < 2) continue;
    const kommuner = [...group.kommuner].map(([kommunenr, name]) => ({ kommunenr, name })).sort((a, b) => a.kommunenr.localeCompare(b.kommunenr));
    result.push({
      system: mostCommon(group.systemSpellings),
      supplier: mostCommon(group.supplierSpellings),
      kommuner,
      count: kommuner.length,
      monthlyCost: group.cost,
      rows: group.rows,
      rowsWithoutCost: group.rowsWithoutCost,
    });
  }
  return result.sort((a, b) => b.count - a.count || b.monthlyCost.comparedTo(a.monthlyCost) || a.system.localeCompare(b.system, 'nb'));
}
