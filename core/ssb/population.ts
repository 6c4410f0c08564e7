import { fail, ok, type Result } from '../result.js';
import { normalizeKey } from '../util/text.js';
import { breakdownFor } from './breakdown.js';
import { readCube, type Cube, type CubeDimension } from './cube.js';
import { populationMoment, referenceDate, type CountMoment } from './measure.js';

/** One kommune's population as SSB reports it. */
export interface SsbPopulation {
  readonly kommunenr: string;
  readonly name: string;
  readonly population: number;
  /** SSB period code, e.g. "2025K2" or "2025". */
  readonly period: string;
  /** ISO date the count refers to: 2025K2 at the end of the quarter → 2025-06-30; 07459's 2026 → 2026-01-01. */
  readonly referenceDate: string;
}

export interface SsbParseResult {
  readonly rows: readonly SsbPopulation[];
  /** Norwegian notes on cells SSB marked with a status code ("..", ":", ".") or left empty, and on preliminary figures. */
  readonly warnings: readonly string[];
  readonly updated?: string;
  /** The content code read, e.g. "Folketallet11", and what it means. */
  readonly contentsCode?: string;
  readonly contentsLabel?: string;
  readonly tableId?: string;
}

/** SSB's status symbols (standard tegn i tabeller). */
const STATUS_TEXT: Record<string, string> = {
  '.': 'ikke mulig å oppgi tall',
  '..': 'tall mangler',
  '...': 'oppgave mangler',
  ':': 'vises ikke av hensyn til personvern',
  '-': 'null',
  '*': 'foreløpig tall',
};

const statusText = (status: string | undefined) => (status ? STATUS_TEXT[status] ?? `status «${status}»` : 'ingen verdi');

function findDimension(cube: Cube, roleIds: readonly string[], pattern: RegExp): CubeDimension | undefined {
  return cube.dimensions.find((d) => roleIds.includes(d.id)) ?? cube.dimensions.find((d) => pattern.test(normalizeKey(d.id)));
}

const MOMENT_PREFERENCE: readonly CountMoment[] = ['end', 'point', 'start'];

/**
 * Parses a PxWebApi v2 response in JSON-stat2 format (01222, 07459 or a table like them) into one row per region and
 * period. The content code is chosen by meaning — the population at the end of the period before a plain count,
 * and that before the population at its start — unless `contentsCode` names one (it must be a population count).
 * Further dimensions (Kjonn, Alder) are read through their total or summed over a complete partition; a response
 * that only holds part of the population is refused. Cells with a status code are reported, never turned into zero.
 */
export function parseSsbPopulation(json: unknown, contentsCode?: string): Result<SsbParseResult> {
  const read = readCube(json);
  if (!read.ok) return read;
  const cube = read.value;
  const region = findDimension(cube, cube.role.geo, /^(region|kommune)/);
  if (!region) return fail('SSB-svaret har ingen Region-dimensjon.');
  const time = findDimension(cube, cube.role.time, /^(tid|time|ar|kvartal)$/);
  const contents = findDimension(cube, cube.role.metric, /^contentscode$|^statistikkvariabel$/);

  let moment: CountMoment = 'point';
  let contentIndex: number | undefined;
  if (contents) {
    const candidates = contents.codes.map((code, i) => ({ code, i, moment: populationMoment(code, contents.labels[code] ?? '') }));
    if (contentsCode !== undefined) {
      const wanted = candidates.find((c) => c.code === contentsCode);
      if (!wanted) return fail(`SSB-svaret har ikke statistikkvariabelen ${contentsCode}.`);
      if (!wanted.moment) return fail(`Statistikkvariabelen ${contentsCode} («${contents.labels[contentsCode] ?? contentsCode}») er ikke et folketall.`);
      contentIndex = wanted.i;
      moment = wanted.moment;
    } else {
      const chosen = MOMENT_PREFERENCE.map((m) => candidates.find((c) => c.moment === m)).find((c) => c !== undefined);
      if (!chosen) return fail(`SSB-svaret har ingen statistikkvariabel med folketall (fant ${contents.codes.map((c) => `«${contents.labels[c] ?? c}»`).join(', ')}).`);
      contentIndex = chosen.i;
      moment = chosen.moment!;
    }
  }

  const further = cube.dimensions.filter((d) => d !== region && d !== time && d !== contents);
  const breakdowns = further.map((d) => ({ dim: d, how: breakdownFor(d) }));
  const refused = breakdowns.find((b) => b.how.kind === 'refuse');
  if (refused && refused.how.kind === 'refuse') return fail(refused.how.message);
  const furtherChoices = breakdowns.map((b) => (b.how.kind === 'total' ? [b.how.index] : b.how.kind === 'sum' ? b.how.indexes : []));

  const rows: SsbPopulation[] = [];
  const warnings: string[] = [];
  const periods = time ? time.codes.map((_, i) => i) : [-1];
  for (let r = 0; r < region.codes.length; r++) {
    const regionCode = region.codes[r]!;
    const regionLabel = region.labels[regionCode] ?? regionCode;
    const kommunenr = regionCode.replace(/^K-/i, '');
    const name = regionLabel.replace(/^\d{4}\s+/, '');
    for (const t of periods) {
      const period = t >= 0 ? time!.codes[t]! : '';
      const date = referenceDate(period, moment);
      if (!date) return fail(`SSB-svaret har perioden «${period}», som ikke er et år, kvartal eller måned.`);
      let sum = 0;
      let missing: string | undefined;
      let preliminary = false;
      for (const combo of combinations(furtherChoices)) {
        const position = cube.dimensions.map((d) => {
          if (d === region) return r;
          if (d === time) return t;
          if (d === contents) return contentIndex!;
          return combo[further.indexOf(d)]!;
        });
        const value = cube.valueAt(position);
        const status = cube.statusAt(position);
        if (value === null) {
          missing = statusText(status);
          break;
        }
        if (!Number.isInteger(value) || value < 0) {
          missing = `ugyldig innbyggertall ${value}`;
          break;
        }
        if (status === '*') preliminary = true;
        sum += value;
      }
      if (missing) {
        warnings.push(`${name} (${kommunenr}) ${period}: ${missing}.`);
        continue;
      }
      if (preliminary) warnings.push(`${name} (${kommunenr}) ${period}: foreløpig tall.`);
      rows.push({ kommunenr, name, population: sum, period, referenceDate: date });
    }
  }
  const contentCode = contents && contentIndex !== undefined ? contents.codes[contentIndex] : undefined;
  return ok({
    rows,
    warnings,
    ...(cube.updated ? { updated: cube.updated } : {}),
    ...(contentCode ? { contentsCode: contentCode, contentsLabel: contents!.labels[contentCode] ?? contentCode } : {}),
    ...(cube.tableId ? { tableId: cube.tableId } : {}),
  });
}

/** Every combination of one choice per list (the cartesian product); one empty combination for no lists. */
function* combinations(lists: readonly (readonly number[])[]): Generator<number[]> {
  if (lists.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = lists;
  for (const x of first!) for (const tail of combinations(rest)) yield [x, ...tail];
}
