import type { DatasetContext } from '../dataset/context.js';
import type { Project } from '../dataset/model.js';
import { formatDate } from '../money/format.js';
import type { Dec } from '../money/kroner.js';
import { normalizeKey } from '../util/text.js';
import type { Column } from './columns.js';
import { kr, RULES, type FindingSink } from './findings.js';
import type { RowKommune } from './kommuner.js';
import type { LocatedTable } from './locate.js';

/** True when a table's title, headers or sheet name say which project it is about ("RPA", "DUO"). */
export function namesProject(table: LocatedTable, kindName: string): boolean {
  return normalizeKey(table.context).split(' ').includes(normalizeKey(kindName));
}

/**
 * The project decision a project table belongs to: the table kind's own name (RPA, DUO) when the
 * headers or title mention it, else the first word of the cost header that names a project.
 */
export function projectOf(table: LocatedTable, data: DatasetContext | undefined, kindName: string): Project | undefined {
  if (!data) return undefined;
  if (namesProject(table, kindName)) {
    const p = data.resolveProject(kindName);
    if (p.ok) return p.value;
  }
  const costHeader = table.columns.cost !== undefined ? table.headers[table.columns.cost] ?? '' : '';
  const first = normalizeKey(costHeader).split(' ')[0];
  if (first && first.length >= 3 && !/kostnad|pris|lisens/.test(first)) {
    const p = data.resolveProject(first);
    if (p.ok) return p.value;
  }
  return undefined;
}

/**
 * A kommune charged in a project table must take part in the project's decision; a participant that
 * is not charged is worth a note.
 */
export function checkParticipation(
  table: LocatedTable,
  sink: FindingSink,
  project: Project | undefined,
  kommuner: ReadonlyMap<number, RowKommune>,
  cost: Column,
  costOf: (r: number) => Dec | undefined,
  label: string,
): void {
  if (!project) return;
  const decided = project.decidedOn ? ` (vedtatt ${formatDate(project.decidedOn)})` : '';
  for (const r of table.dataRows) {
    const k = kommuner.get(r);
    if (!k?.kommune) continue;
    const c = costOf(r);
    const participates = project.participants.includes(k.kommune.kommunenr);
    if (c !== undefined && c.greaterThan(0) && !participates) {
      sink.add(
        r,
        cost.index,
        RULES.participation,
        'warning',
        `${k.name} belastes ${kr(c)} pr mnd for ${label}, men deltar ikke etter vedtaket «${project.name}»${decided}. Fjern kostnaden eller registrer deltakelsen.`,
        kr(c.times(0)),
        kr(c),
      );
    } else if (participates && (c === undefined || c.isZero())) {
      sink.add(
        r,
        cost.index,
        RULES.participation,
        'info',
        `${k.name} deltar i «${project.name}»${decided}, men har ingen kostnad i tabellen.`,
      );
    }
  }
}
