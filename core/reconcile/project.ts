// A printed per-project split (one project's cost among its participants, as in DH_Prosjekter) is checked against
// that project's participants and split, never against the membership key: a charged non-participant is the
// error, a participant left out a warning, and each participant's figure is checked once.
import { projectCost } from '../allocation/allocate.js';
import type { DatasetContext } from '../dataset/context.js';
import type { Project } from '../dataset/model.js';
import { formatDate } from '../money/format.js';
import { Dec, sum, ZERO } from '../money/kroner.js';
import { normalizeKey } from '../util/text.js';
import type { AllocationReconciliation } from './allocation.js';
import { deviates, readColumns, type Column } from './columns.js';
import { consensus } from './consensus.js';
import { FindingSink, kr, num, RULES } from './findings.js';
import { resolveRows } from './kommuner.js';
import type { LocatedTable } from './locate.js';
import { checkShares } from './shares.js';
import { checkSumRow } from './sums.js';

/**
 * The project of the dataset (or of the workbook's DH_Prosjekter) a table's title, headers or sheet name name: the
 * longest project name or alias found there as whole words («Felles EPJ legesenter» before «EPJ»). Undefined when
 * none is named, or two different projects are named equally well.
 */
export function projectNamedBy(table: LocatedTable, data: DatasetContext): Project | undefined {
  const context = ` ${normalizeKey(table.context)} `;
  let best: { project: Project; length: number; tie: boolean } | undefined;
  for (const project of data.dataset.projects) {
    for (const name of [project.name, ...(project.aliases ?? [])]) {
      const key = normalizeKey(name);
      if (key.length < 3 || !context.includes(` ${key} `)) continue;
      if (!best || key.length > best.length) best = { project, length: key.length, tie: false };
      else if (key.length === best.length && best.project !== project) best.tie = true;
    }
  }
  return best && !best.tie ? best.project : undefined;
}

export interface ProjectReconcileOptions {
  readonly data: DatasetContext;
  readonly project: Project;
  readonly year?: number;
}

/** Reconciles a printed per-project split against the project's participants and split. */
export function reconcileProjectTable(table: LocatedTable, options: ProjectReconcileOptions): AllocationReconciliation {
  const { data, project } = options;
  const sink = new FindingSink(table);
  const kommuner = resolveRows(table, sink, data);
  const cols = readColumns(table, sink, ['population', 'share', 'fixed', 'byPopulation', 'total']);
  const amount: Column | undefined = cols.total ?? cols.byPopulation ?? cols.fixed;
  const rows = table.dataRows;
  const decided = project.decidedOn ? ` (vedtatt ${formatDate(project.decidedOn)})` : '';
  const participants = new Set(project.participants);
  const flagged = new Set<string>();
  const isFlagged = (r: number, c?: number) => c !== undefined && flagged.has(`${r}:${c}`);
  const at = (r: number) => amount?.index ?? table.kommuneColumn;

  const participantRows: number[] = [];
  const present = new Set<string>();
  for (const r of rows) {
    const k = kommuner.get(r);
    if (!k?.kommune) continue;
    present.add(k.kommune.kommunenr);
    const value = amount?.value(r);
    if (participants.has(k.kommune.kommunenr)) {
      participantRows.push(r);
      if (amount && (value === undefined || value.isZero())) {
        sink.add(r, at(r), RULES.participation, 'warning', `${k.name} deltar i «${project.name}»${decided}, men har ikke noe beløp i tabellen.`);
      }
    } else if (value !== undefined && value.greaterThan(0)) {
      flagged.add(`${r}:${at(r)}`);
      sink.add(
        r,
        at(r),
        RULES.participation,
        'error',
        `${k.name} er belastet ${kr(value, amount!.get(r)!.decimals)}, men deltar ikke i ${project.name}${decided}. Fjern beløpet, eller registrer deltakelsen i prosjektet.`,
        kr(ZERO),
        kr(value, amount!.get(r)!.decimals),
      );
    }
  }
  for (const nr of project.participants) {
    if (present.has(nr)) continue;
    const member = data.member(nr);
    sink.add(
      table.headerRow,
      table.kommuneColumn,
      RULES.members,
      'warning',
      `${member?.name ?? nr} (${nr}) deltar i «${project.name}»${decided}, men mangler i tabellen.`,
    );
  }

  // Each participant's weight in the split: one each (flatt), or its population.
  const weightOf = (r: number): Dec | undefined => {
    if (project.split === 'flat') return new Dec(1);
    const nr = kommuner.get(r)?.kommune?.kommunenr;
    const member = nr ? data.member(nr) : undefined;
    const printed = cols.population?.value(r);
    return member ? new Dec(member.population) : printed;
  };
  const how = project.split === 'flat' ? `flatt på ${num(participants.size)} deltakere` : `etter innbyggertall på ${num(participants.size)} deltakere`;
  const expected = amount ? expectedAmounts(options, amount, participantRows, kommuner, weightOf) : undefined;
  if (amount && expected) {
    for (const r of participantRows) {
      const e = expected.of(r);
      const actual = amount.get(r);
      if (e === undefined || !actual || actual.value.isZero()) continue;
      if (!deviates(actual.value, e, amount.unit(r))) continue;
      flagged.add(`${r}:${amount.index}`);
      sink.add(
        r,
        amount.index,
        RULES.deviation,
        'error',
        `${kommuner.get(r)!.name}: «${sink.header(amount.index)}» er ${kr(actual.value, actual.decimals)}, men «${project.name}» fordelt ${how} gir ${kr(e)}${expected.source}.`,
        kr(e, Math.min(actual.decimals, 2)),
        kr(actual.value, actual.decimals),
      );
    }
  }
  const describe = `fordelingen i «${project.name}»${decided}, ${how}`;
  sink.add(table.headerRow, table.kommuneColumn, RULES.note, 'info', `Tabellen er kontrollert mot prosjektet «${project.name}»${decided}: deltakerne og fordelingen ${how}, ikke mot medlemsnøkkelen.`);

  if (cols.share) {
    const weights = new Map(participantRows.map((r) => [r, weightOf(r)]));
    // Shares are of the whole project, so a participant left out of the table does not change the others'.
    const members = project.participants.map((nr) => data.member(nr));
    const keyTotal = project.split === 'flat' ? new Dec(participants.size) : members.every((m) => m) ? sum(members.map((m) => new Dec(m!.population))) : undefined;
    const shares = checkShares({
      table,
      sink,
      share: cols.share,
      rows: participantRows,
      popOf: (r) => cols.population?.value(r),
      kommuner,
      expectedTotal: (r) => weights.get(r),
      ...(keyTotal ? { keyTotal } : {}),
      describe,
      isFlagged,
    });
    checkSumRow(table, sink, cols.share, { rowsExact: false, ...(shares ? { keySum: shares.whole } : {}) });
  }
  if (cols.population) checkSumRow(table, sink, cols.population, { rowsExact: true });
  let result: AllocationReconciliation = { table, findings: sink.findings, ...(options.year !== undefined ? { year: options.year } : {}) };
  if (amount) {
    const keySum = expected && participantRows.every((r) => expected.of(r) !== undefined) ? sum(participantRows.map((r) => expected.of(r)!)) : undefined;
    // The Sum row is reported only when it disagrees with the rows as printed (or, when it holds the project's
    // figure, says so as a note): the rows' own errors are reported where they are.
    const totals = checkSumRow(table, sink, amount, { rowsExact: false, ...(keySum ? { keySum } : {}) });
    result = { ...result, sumOfRows: totals.rows, ...(totals.printed !== undefined ? { printedSum: totals.printed } : {}) };
  }
  return result;
}

/**
 * What each participant should pay: the project's own figures when the dataset has them (a cost split, or each
 * member's billed cost) and most rows print them; else the amount per weight most participant rows agree on, so
 * the split is checked even when the dataset has no cost for the project.
 */
function expectedAmounts(
  options: ProjectReconcileOptions,
  amount: Column,
  participantRows: readonly number[],
  kommuner: ReadonlyMap<number, { kommune?: { kommunenr: string } }>,
  weightOf: (r: number) => Dec | undefined,
): { of: (r: number) => Dec | undefined; source: string } | undefined {
  const { data, project } = options;
  if (project.annualCost !== undefined || project.memberAnnualCost !== undefined) {
    const known = new Map<number, Dec>();
    for (const r of participantRows) {
      const nr = kommuner.get(r)?.kommune?.kommunenr;
      const cost = nr ? projectCost(data.dataset, project, nr) : undefined;
      if (cost?.ok) known.set(r, cost.value);
    }
    const agree = participantRows.filter((r) => known.has(r) && amount.value(r) !== undefined && !deviates(amount.value(r)!, known.get(r)!, amount.unit(r))).length;
    if (agree * 2 > participantRows.length) return { of: (r) => known.get(r), source: ` (årskostnaden i ${data.dataset.name})` };
  }
  const intervals = participantRows.flatMap((r) => {
    const v = amount.value(r);
    const w = weightOf(r);
    if (v === undefined || v.isZero() || !w || w.isZero()) return [];
    const width = amount.unit(r);
    return [{ lo: v.minus(width).dividedBy(w), hi: v.plus(width).dividedBy(w), id: r, at: v.dividedBy(w) }];
  });
  if (intervals.length < 3) return undefined;
  const agreed = consensus(intervals);
  if (!agreed) return undefined;
  return {
    of: (r) => {
      const w = weightOf(r);
      return w ? agreed.value.times(w).toDecimalPlaces(Math.max(amount.decimalsAt(r), 0), Dec.ROUND_HALF_UP) : undefined;
    },
    source: ' (som de andre deltakerne betaler)',
  };
}
