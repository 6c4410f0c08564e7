// Which content code (statistikkvariabel) of a population table holds the population, and on which day it counts.
// SSB's quarterly table 01222 carries both «Befolkning ved inngangen av kvartalet» (Folketallet1) and «… ved utgangen
// av kvartalet» (Folketallet11) beside births, deaths and moves; 07459 carries «Personer» per 1 January. The choice is
// made from the label's meaning, so a table with other codes, or an English response, is read the same way.
import { normalizeKey } from '../util/text.js';

/** When in its period a population count is taken. */
export type CountMoment = 'end' | 'start' | 'point';

/** A content code that holds a population count, or undefined for flows (births, moves, growth) and anything else. */
export function populationMoment(code: string, label: string): CountMoment | undefined {
  const text = normalizeKey(`${label} ${code}`);
  if (/(fodt|fodd|dode|flytt|tilvekst|overskudd|innvandr|utvandr|endring|birth|death|migrat|growth|change|andel|prosent|percent)/.test(text)) return undefined;
  const isPopulation = /(befolkning|folketal|folkemengd|personer|innbygger|population|persons)/.test(text);
  if (!isPopulation) return undefined;
  if (/(utgang|slutt|end of)/.test(text)) return 'end';
  if (/(inngang|start|begin)/.test(text)) return 'start';
  // A response without labels still names 01222's two documented codes.
  if (/^folketallet11$/i.test(code)) return 'end';
  if (/^folketallet1$/i.test(code)) return 'start';
  return 'point';
}

const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];
const QUARTER_START = ['01-01', '04-01', '07-01', '10-01'];

/**
 * The date a count refers to: the end of the quarter/month/year for 'end', its first day for 'start', and for a
 * plain count SSB's convention — a year's population per 1 January (07459), a quarter's at its end.
 * Undefined for a period code this does not know.
 */
export function referenceDate(period: string, moment: CountMoment): string | undefined {
  const quarter = /^(\d{4})K([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}-${(moment === 'start' ? QUARTER_START : QUARTER_END)[Number(quarter[2]) - 1]}`;
  const month = /^(\d{4})M(0[1-9]|1[0-2])$/.exec(period);
  if (month) {
    if (moment === 'start') return `${month[1]}-${month[2]}-01`;
    return new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).toISOString().slice(0, 10);
  }
  const year = /^(\d{4})$/.exec(period);
  if (year) return moment === 'end' ? `${year[1]}-12-31` : `${year[1]}-01-01`;
  return undefined;
}
