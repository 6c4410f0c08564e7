// What new population figures would do to the key: per member the old and new figure, the change, and the change in
// its contribution for a year. Shown before anything is written, so the user confirms knowing the effect.
import type { Dataset } from '../dataset/model.js';
import { ZERO, type Kroner } from '../money/kroner.js';
import { ok, type Result } from '../result.js';
import { allocate, sortedMembers } from './allocate.js';

export interface PopulationChangeRow {
  readonly kommunenr: string;
  readonly name: string;
  readonly before: number;
  readonly after: number;
  readonly change: number;
  /** Contribution for the year with the old and the new figures; undefined when the dataset has no key for the year. */
  readonly costBefore?: Kroner;
  readonly costAfter?: Kroner;
  readonly costChange?: Kroner;
}

export interface PopulationChange {
  readonly year: number;
  readonly rows: readonly PopulationChangeRow[];
  /** Why contributions are not shown (no key for the year), in Norwegian; undefined when they are. */
  readonly note?: string;
}

/**
 * Old against new for every member. Members without a new figure keep theirs (change 0). The contributions are two
 * whole allocations for `year`, so a change in one kommune's population shows its effect on every other's share.
 */
export function populationChange(dataset: Dataset, year: number, figures: ReadonlyMap<string, number>): Result<PopulationChange> {
  const members = sortedMembers(dataset.members);
  const updated: Dataset = { ...dataset, members: members.map((m) => ({ ...m, population: figures.get(m.kommunenr) ?? m.population })) };
  const before = allocate(dataset, year);
  const after = allocate(updated, year);
  const costOf = (a: typeof before, nr: string) => (a.ok ? a.value.rows.find((r) => r.kommunenr === nr)?.total : undefined);
  const rows = members.map((m) => {
    const next = figures.get(m.kommunenr) ?? m.population;
    const cb = costOf(before, m.kommunenr);
    const ca = costOf(after, m.kommunenr);
    return {
      kommunenr: m.kommunenr,
      name: m.name,
      before: m.population,
      after: next,
      change: next - m.population,
      ...(cb && ca ? { costBefore: cb, costAfter: ca, costChange: ca.minus(cb ?? ZERO) } : {}),
    };
  });
  const failed = !before.ok ? before.error : !after.ok ? after.error : undefined;
  const note = failed ? `Bidragene vises ikke: ${failed.message}` : undefined;
  return ok({ year, rows, ...(note ? { note } : {}) });
}
