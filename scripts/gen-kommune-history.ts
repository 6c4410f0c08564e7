// Generates core/kommuner/history-data.ts: every kommune that has existed since 1 January 1977, with its number,
// name(s), fylke, the date it began and ended, and the kommune(r) that took it over (SPEC §10).
//
// Sources (kept in scripts/kommune-history/sources/, read as they were published):
// - ssb-kommuneendringer-1838-2017.xlsx: Statistisk sentralbyrå, «Kommuneendringer 1838–2017», the change table of
//   classification 131 (Standard for kommuneinndeling) as SSB publishes it under «Alle endringer i de regionale
//   inndelingene» (ssb.no/metadata). Copied from the public repository eirikberger/NoRwayGeo
//   (inst/extdata/kommuneendringer_1838_2017.xlsx, commit 0209e9e). Used for every change from 1977 to 2017.
// - fhi-csdata-norway-locations.xlsx: Folkehelseinstituttet's csdata package (MIT), data-raw/files/locations/
//   norway_locations.xlsx (repository niphr/csdata, file last changed 2024-01-17): every kommune alive from 2006
//   with its first/last year and successor number(s), built from SSB's classification 131. Used for the changes of
//   2018 (Trøndelag, Larvik, Hof), 2019, 2020 (the reform) and 2024 (the new fylker and the Ålesund/Haram split).
// - ssb-kommuner-1994-01.txt: SSB's list of the kommuner of January 1994 (repository hbelbo/vsop,
//   data-raw/Regindeling_Kommuner_1994_status.txt): the generator checks its result against it.
// - core/kommuner/data.ts: today's 357 kommuner (names, fylker, Sami/Kven parallel names).
//
// `npx tsx scripts/gen-kommune-history.ts --write` rewrites the file; tests/core/kommune-history.test.ts fails when
// it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { KNOWN_KOMMUNER } from '../core/kommuner/data.js';

const SOURCES = resolve(import.meta.dirname, 'kommune-history', 'sources');
const OUT = resolve(import.meta.dirname, '..', 'core', 'kommuner', 'history-data.ts');
const FIRST = '1977-01-01';
/** Changes up to this date come from SSB's table, later ones from csdata (which starts its years in 2006). */
const SSB_UNTIL = '2018-01-01';

interface Change {
  date: string;
  oldNr: string;
  oldName: string;
  newNr: string;
  newName: string;
}

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'result' in value) return text(value.result as ExcelJS.CellValue);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return String(value).trim();
}

/** SSB's table writes dates as «01.01.1992», «01/01/1988», «01'01'1964» or a bare year. */
function isoDate(raw: string): string | undefined {
  const t = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const dmy = /^(\d{1,2})\D(\d{1,2})\D(\d{4})$/.exec(t);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  if (/^\d{4}$/.test(t)) return `${t}-01-01`;
  return undefined;
}

/** «Ringerike(tidl. …)» → «Ringerike»; «Hábmer -  Hamarøy» → «Hábmer - Hamarøy». */
function cleanName(raw: string): string {
  return raw.replace(/\(.*$/, '').replace(/\s+/g, ' ').replace(/\s+-\s*|\s*-\s+/g, ' - ').trim();
}

function nr(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  return digits ? digits.padStart(4, '0') : '';
}

async function sheetRows(file: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(resolve(SOURCES, file));
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(text(row.getCell(c).value));
    rows.push(cells);
  });
  return rows;
}

async function ssbChanges(): Promise<Change[]> {
  const rows = await sheetRows('ssb-kommuneendringer-1838-2017.xlsx');
  const changes: Change[] = [];
  for (const row of rows.slice(1)) {
    const date = isoDate(row[0] ?? '');
    if (!date || date < FIRST || date >= SSB_UNTIL) continue;
    const oldNr = nr(row[2] ?? '');
    const newNr = nr(row[5] ?? '');
    if (!oldNr || !newNr) throw new Error(`SSB-rad uten kommunenummer: ${row.join(' | ')}`);
    changes.push({ date, oldNr, oldName: cleanName(row[3] ?? ''), newNr, newName: cleanName(row[6] ?? '') });
  }
  return changes;
}

interface CsUnit {
  nr: string;
  name: string;
  county: string;
  yearStart: number;
  yearEnd?: number;
  next: string[];
}

async function csdataUnits(): Promise<CsUnit[]> {
  const rows = await sheetRows('fhi-csdata-norway-locations.xlsx');
  const header = rows[0]!;
  const col = (name: string) => header.indexOf(name);
  const units = new Map<string, CsUnit>();
  for (const row of rows.slice(1)) {
    const county = row[col('county_code')] ?? '';
    if (!/^county_nor\d\d$/.test(county)) continue; // Svalbard, Jan Mayen, "unknown"
    const code = nr(row[col('municip_code')] ?? '');
    const yearStart = Number(row[col('year_start')]);
    const end = row[col('year_end')];
    const key = `${code}@${yearStart}`;
    const unit = units.get(key) ?? {
      nr: code,
      name: row[col('municip_name')] ?? '',
      county: county.slice(-2),
      yearStart,
      ...(end ? { yearEnd: Number(end) } : {}),
      next: [],
    };
    const next = nr(row[col('municip_code_end')] ?? '');
    if (next && !unit.next.includes(next)) unit.next.push(next);
    units.set(key, unit);
  }
  // csdata starts the 2024 kommuner (3101 Halden, 1508 Ålesund, …) in 2023, the last year of the kommune they
  // replaced; changes take effect on 1 January, so a kommune begins the year after its predecessor's last.
  const list = [...units.values()];
  for (const unit of list) {
    const predecessorEnds = list.filter((u) => u.next.includes(unit.nr) && u.nr !== unit.nr).map((u) => u.yearEnd ?? 0);
    if (predecessorEnds.includes(unit.yearStart)) unit.yearStart += 1;
  }
  return list;
}

/** Changes from 2018 on: a csdata unit whose last year is Y went over to its successor(s) on 1 January Y+1. */
function csdataChanges(units: CsUnit[]): Change[] {
  const nameOf = (code: string, year: number) =>
    units.find((u) => u.nr === code && u.yearStart <= year && (u.yearEnd === undefined || u.yearEnd >= year))?.name ??
    KNOWN_KOMMUNER.find((k) => k.kommunenr === code)?.name ??
    '';
  const changes: Change[] = [];
  for (const unit of units) {
    if (unit.yearEnd === undefined || `${unit.yearEnd + 1}-01-01` < SSB_UNTIL) continue;
    const year = unit.yearEnd + 1;
    for (const next of unit.next) {
      changes.push({ date: `${year}-01-01`, oldNr: unit.nr, oldName: unit.name, newNr: next, newName: nameOf(next, year) });
    }
  }
  // A kommune that takes others over and goes on (Trondheim 5001 taking Klæbu in 2020) has no row of its own in
  // csdata; SSB's table writes it as a row from itself to itself, which is what tells "goes on" from "begins".
  for (const c of [...changes]) {
    const year = Number(c.date.slice(0, 4));
    const goesOn = units.some((u) => u.nr === c.newNr && u.yearStart < year && (u.yearEnd === undefined || u.yearEnd >= year));
    if (goesOn && !changes.some((x) => x.date === c.date && x.oldNr === c.newNr)) {
      changes.push({ date: c.date, oldNr: c.newNr, oldName: c.newName, newNr: c.newNr, newName: c.newName });
    }
  }
  return changes;
}

/**
 * Fylke names by fylkesnummer (SSB classification 104): today's from data.ts, the former ones in bokmål as SSB writes
 * them (csdata attaches the Sami form, «Troms-Romssa», and writes «Sogn-og-fjordane»). A fylkesnummer has never been
 * reused, so the first two digits of a kommunenummer name its fylke at any time.
 */
function fylkeNames(): Map<string, string> {
  const names = new Map<string, string>();
  for (const k of KNOWN_KOMMUNER) names.set(k.kommunenr.slice(0, 2), k.fylke);
  const former: Record<string, string> = {
    '01': 'Østfold', '02': 'Akershus', '04': 'Hedmark', '05': 'Oppland', '06': 'Buskerud', '07': 'Vestfold',
    '08': 'Telemark', '09': 'Aust-Agder', '10': 'Vest-Agder', '12': 'Hordaland', '14': 'Sogn og Fjordane',
    '16': 'Sør-Trøndelag', '17': 'Nord-Trøndelag', '19': 'Troms', '20': 'Finnmark', '30': 'Viken',
    '34': 'Innlandet', '38': 'Vestfold og Telemark', '54': 'Troms og Finnmark',
  };
  for (const [code, name] of Object.entries(former)) if (!names.has(code)) names.set(code, name);
  return names;
}

interface Unit {
  nr: string;
  /** [name, from] pairs; the first from is the unit's start. */
  names: { name: string; from?: string }[];
  from?: string;
  to?: string;
  next: string[];
}

function buildUnits(changes: Change[]): Unit[] {
  const current = new Map(KNOWN_KOMMUNER.map((k) => [k.kommunenr, k]));
  const byDate = new Map<string, Change[]>();
  for (const c of changes) byDate.set(c.date, [...(byDate.get(c.date) ?? []), c]);
  const numbers = new Set<string>([...current.keys(), ...changes.flatMap((c) => [c.oldNr, c.newNr])]);
  const units: Unit[] = [];
  for (const code of numbers) {
    type Ev = { date: string; kind: 'start' | 'end' | 'rename'; name: string; newName?: string; next?: string[] };
    const events: Ev[] = [];
    for (const [date, list] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
      const stays = list.find((c) => c.oldNr === code && c.newNr === code);
      const asOld = list.filter((c) => c.oldNr === code);
      const asNew = list.filter((c) => c.newNr === code);
      if (stays) {
        if (stays.oldName && stays.newName && stays.oldName !== stays.newName) {
          events.push({ date, kind: 'rename', name: stays.oldName, newName: stays.newName });
        }
      } else {
        if (asOld.length) events.push({ date, kind: 'end', name: asOld[0]!.oldName, next: [...new Set(asOld.map((c) => c.newNr))] });
        if (asNew.length) events.push({ date, kind: 'start', name: asNew[0]!.newName });
      }
    }
    // SSB writes some transfers of land without the giving kommune's row to itself (Ringsaker giving parts of four
    // grunnkretser to Hamar in 1992): an "end" that is followed by neither a new start of the number nor silence,
    // while the number goes on, is such a transfer.
    for (let i = events.length - 1; i >= 0; i--) {
      if (events[i]!.kind !== 'end') continue;
      const later = events[i + 1];
      const goesOn = later ? later.kind !== 'start' : current.has(code);
      if (goesOn) events.splice(i, 1);
    }
    let open: Unit | undefined;
    const startUnit = (from: string | undefined, name: string): Unit => ({ nr: code, names: [{ name, ...(from ? { from } : {}) }], ...(from ? { from } : {}), next: [] });
    for (const ev of events) {
      if (ev.kind === 'start') {
        if (open) throw new Error(`${code} begynner ${ev.date} uten å ha sluttet`);
        open = startUnit(ev.date, ev.name);
      } else if (ev.kind === 'rename') {
        open ??= startUnit(undefined, ev.name);
        open.names.push({ name: ev.newName!, from: ev.date });
      } else {
        open ??= startUnit(undefined, ev.name);
        open.to = ev.date;
        open.next = ev.next!;
        units.push(open);
        open = undefined;
      }
    }
    const now = current.get(code);
    if (now) {
      open ??= startUnit(undefined, now.name);
      open.names[open.names.length - 1]!.name = now.name;
      units.push(open);
    } else if (open) {
      throw new Error(`${code} (${open.names[0]!.name}) har ingen slutt, men er ingen kommune i dag`);
    }
  }
  return units;
}

function validAt(units: Unit[], date: string): Unit[] {
  return units.filter((u) => (u.from ?? '') <= date && (u.to === undefined || u.to > date));
}

function check(units: Unit[]): void {
  // Today's list.
  const today = validAt(units, '2026-01-01').map((u) => u.nr).sort();
  const known = KNOWN_KOMMUNER.map((k) => k.kommunenr).sort();
  if (today.join() !== known.join()) throw new Error(`2026: ${today.length} kommuner, forventet ${known.length}`);
  // SSB's list of January 1994.
  const ssb1994 = readFileSync(resolve(SOURCES, 'ssb-kommuner-1994-01.txt'), 'utf8')
    .split('\n')
    .map((l) => /^(\d{4}) - /.exec(l)?.[1])
    .filter((x): x is string => !!x && x !== '9999')
    .sort();
  const ours1994 = validAt(units, '1994-01-01').map((u) => u.nr).sort();
  const missing = ssb1994.filter((x) => !ours1994.includes(x));
  const extra = ours1994.filter((x) => !ssb1994.includes(x));
  if (missing.length || extra.length) throw new Error(`1994: mangler ${missing.join(',')} / for mange ${extra.join(',')}`);
  // Every successor exists on the day of the change; no two units share a number on one day.
  for (const u of units) {
    for (const next of u.next) {
      if (!validAt(units, u.to!).some((x) => x.nr === next)) throw new Error(`${u.nr} → ${next} ${u.to}: etterfølgeren finnes ikke`);
    }
  }
  for (const year of [1977, 1988, 1994, 2002, 2006, 2013, 2017, 2018, 2020, 2024]) {
    const at = validAt(units, `${year}-01-01`).map((u) => u.nr);
    if (new Set(at).size !== at.length) throw new Error(`${year}: to kommuner med samme nummer: ${at.filter((x, i) => at.indexOf(x) !== i).join(",")}`);
  }
}

/** «2020-01-01» → «2020»: nearly every change takes effect on 1 January. */
function shortDate(date: string | undefined): string {
  if (!date) return '';
  return date.endsWith('-01-01') ? date.slice(0, 4) : date;
}

function render(units: Unit[], fylker: Map<string, string>): string {
  const fylkeList = [...new Set([...fylker.values()])];
  const fylkeIndex = (code: string) => {
    const name = fylker.get(code.slice(0, 2));
    if (!name) throw new Error(`Ukjent fylkesnummer for ${code}`);
    return fylkeList.indexOf(name);
  };
  const current = new Set(KNOWN_KOMMUNER.map((k) => k.kommunenr));
  const lines = units
    .filter((u) => !(current.has(u.nr) && u.to === undefined && u.from === undefined))
    .sort((a, b) => a.nr.localeCompare(b.nr) || (a.from ?? '').localeCompare(b.from ?? ''))
    .map((u) => {
      const names = u.names.map((n, i) => (i === 0 ? n.name : `${shortDate(n.from)}~${n.name}`)).join('~');
      return [u.nr, names, fylkeIndex(u.nr), shortDate(u.from), shortDate(u.to), u.next.join(',')].join('|');
    });
  return `// Generated by scripts/gen-kommune-history.ts from SSB's change table for classification 131 («Kommuneendringer
// 1838–2017») and FHI csdata's kommune list (2018–2024, built from SSB Klass 131); see the script for the files.
// Sources dated: SSB's table 2017 (changes to 1 January 2017), csdata 17 January 2024 (changes to 1 January 2024).
// Do not edit by hand.
//
// One line per kommune (a number with its period) that began or ended on or after 1 January 1977:
// kommunenr|name[~date~later name…]|fylke (index into HISTORY_FYLKER)|from|to|successor numbers
// A date is a year when the change took effect on 1 January of it. An empty «from» is «before 1977»; an empty «to»
// is «still a kommune». Today's kommuner that began before 1977 are not listed: core/kommuner/data.ts has them.

export const HISTORY_FYLKER: readonly string[] = ${JSON.stringify(fylkeList)};

export const HISTORY_SINCE = '${FIRST}';

export const KOMMUNE_HISTORY = \`
${lines.join('\n')}
\`;
`;
}

/** The text of core/kommuner/history-data.ts, checked against SSB's 1994 list and today's kommuner. */
export async function generateKommuneHistory(): Promise<string> {
  const cs = await csdataUnits();
  const changes = [...(await ssbChanges()), ...csdataChanges(cs)];
  const units = buildUnits(changes);
  const fylker = fylkeNames();
  check(units);
  return render(units, fylker);
}

if (process.argv.includes('--write')) {
  writeFileSync(OUT, await generateKommuneHistory());
  console.log(`${OUT}: skrevet`);
}
