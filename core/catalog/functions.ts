import { projectCost, projectYearProblem, shareOf } from '../allocation/allocate.js';
import { netPresentValue, paybackYears, DEFAULT_REAL_RATE } from '../benefits/npv.js';
import { netBenefit, timeValue } from '../benefits/time-value.js';
import { populationShare } from '../coverage/coverage.js';
import type { Member, Project } from '../dataset/model.js';
import { checkRegister } from '../register/index.js';
import { Dec, toCellNumber } from '../money/kroner.js';
import { splitLargestRemainder } from '../money/split.js';
import { dhError, fail, ok, type DhError, type Result } from '../result.js';
import { cellText, isBlank, isErrorLike, parseNumber } from '../util/cells.js';
import { normalizeKey } from '../util/text.js';
import { kommuneNumberProblem, plainNumber } from './coerce.js';
import { OPPSIGELSE } from './oppsigelse.js';
import { BALANSE, SCENARIO } from './scenario-functions.js';
import type { CatalogEntry, CellResult, FunctionContext } from './types.js';

const kommuneParam = { name: 'kommune', type: 'kommune', description: 'Kommunenavn eller kommunenummer, f.eks. "Rana" eller 1833.' } as const;
const yearParam = { name: 'år', type: 'year', description: 'Budsjettåret, f.eks. 2026.' } as const;
const projectParam = {
  name: 'prosjekt',
  type: 'text',
  optional: true,
  description: 'Valgfritt prosjekt, f.eks. "RPA" eller "DUO" (årskostnad; bare år med fordelingsnøkkel fra vedtaksåret).',
} as const;

/**
 * Where a cell sits in a range, counted from 1 inside the range: "rad 2" in a column, "kolonne 3" in a row.
 * The range's shape is measured once, here, and the text built only when a message needs it: measuring it
 * for every cell made a function quadratic in its range.
 */
function placer(range: unknown[][]): (r: number, c: number) => string {
  let width = 0;
  for (const row of range) if (row.length > width) width = row.length;
  return (r, c) => {
    if (width <= 1) return `rad ${r + 1}`;
    if (range.length === 1) return `kolonne ${c + 1}`;
    return `rad ${r + 1}, kolonne ${c + 1}`;
  };
}

/** Row and column (inside the range) of each resolved cell, by index. */
interface CellPositions {
  readonly r: number[];
  readonly c: number[];
}

/**
 * Calls `visit` for each kommune named in a range, in reading order, with its cell. One pass over the range;
 * a name or number met before is looked up once (ranges repeat the same few kommuner), and nothing is
 * allocated per cell, so the cost is linear in cells. `visit` may stop the pass by returning an error.
 */
function eachMember(ctx: FunctionContext, range: unknown[][], visit: (member: Member, r: number, c: number) => DhError | void): Result<number> {
  const placeIn = placer(range);
  const seen = new Map<unknown, Member>();
  let count = 0;
  for (let r = 0; r < range.length; r++) {
    const row = range[r]!;
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (isBlank(value)) continue;
      let member = typeof value === 'string' || typeof value === 'number' ? seen.get(value) : undefined;
      if (!member) {
        if (isErrorLike(value)) {
          return fail(`Kommunen i ${placeIn(r, c)} i området er feilverdien ${cellText(value)}: rett cellen eller ta den ut av området.`);
        }
        const problem = kommuneNumberProblem(value, () => `${placeIn(r, c)} i området`);
        if (problem) return fail(problem);
        const resolved = ctx.data.resolveMember(value);
        if (!resolved.ok) return resolved;
        member = resolved.value;
        if (typeof value === 'string' || typeof value === 'number') seen.set(value, member);
      }
      const stop = visit(member, r, c);
      if (stop) return { ok: false, error: stop };
      count++;
    }
  }
  if (count === 0) return { ok: false, error: dhError('Ingen kommuner i området.') };
  return ok(count);
}

/** Row and column (inside the range) of each resolved cell, by index. */
interface CellPositions {
  readonly r: number[];
  readonly c: number[];
}

/**
 * The kommuner of a range, each once, with their cells: the second cell naming the same kommune (by name or
 * number) is an error naming both cells, reported when it is met.
 */
function resolveDistinctMembers(ctx: FunctionContext, range: unknown[][]): Result<{ members: Member[]; cells: CellPositions }> {
  const members: Member[] = [];
  // Positions as two number arrays, not an object per cell: a large range must not become a large heap.
  const cells: CellPositions = { r: [], c: [] };
  const first = new Map<string, number>();
  const placeIn = placer(range);
  const result = eachMember(ctx, range, (m, r, c) => {
    const seen = first.get(m.kommunenr);
    if (seen !== undefined) {
      const shown = (rr: number, cc: number) => `«${cellText(range[rr]![cc])}» i ${placeIn(rr, cc)}`;
      return dhError(`${m.name} (${m.kommunenr}) står to ganger i området (${shown(cells.r[seen]!, cells.c[seen]!)} og ${shown(r, c)}): fjern den ene, så får hver kommune én del.`);
    }
    first.set(m.kommunenr, members.length);
    members.push(m);
    cells.r.push(r);
    cells.c.push(c);
  });
  if (!result.ok) return result;
  return ok({ members, cells });
}

/**
 * A range read as one value per year, in reading order: the position is the year, so a blank inside the range
 * is 0 for its year (it must not move later years earlier); blanks after the last value are not years.
 */
function yearlyNumbers(range: unknown[][], what: string): Result<Dec[]> {
  const values: Dec[] = [];
  let years = 0;
  for (const row of range) {
    for (const value of row) {
      if (isBlank(value)) {
        values.push(new Dec(0));
        continue;
      }
      const n = parseNumber(value);
      if (!n.ok) return fail(`${what}: ${n.reason}.`);
      values.push(n.value);
      years = values.length;
    }
  }
  return ok(values.slice(0, years));
}

export const KOSTNAD: CatalogEntry = {
  name: 'KOSTNAD',
  description: 'Kommunens bidrag for året etter fordelingsnøkkelen, eller kommunens årlige andel av et prosjekt (kr; bare for år med nøkkel fra prosjektets vedtaksår).',
  params: [kommuneParam, yearParam, projectParam],
  returns: { kind: 'number', format: 'kroner', description: 'Beløp i kroner med to desimaler.' },
  examples: [
    { formula: '=DH.KOSTNAD("Rana";2026)', result: '752 197,48' },
    { formula: '=DH.KOSTNAD(1833;2026;"RPA")', result: '222 000,00' },
  ],
  implementation(ctx, kommune, year: number, project?: string): CellResult {
    const member = ctx.data.resolveMember(kommune);
    if (!member.ok) return member.error;
    if (project !== undefined) {
      const p = ctx.data.resolveProject(project);
      if (!p.ok) return p.error;
      const outside = projectYearProblem(ctx.data.dataset, p.value, year);
      if (outside) return outside;
      const cost = projectCost(ctx.data.dataset, p.value, member.value.kommunenr);
      return cost.ok ? toCellNumber(cost.value) : cost.error;
    }
    const allocation = ctx.allocation(year);
    if (!allocation.ok) return allocation.error;
    const row = allocation.value.rows.find((r) => r.kommunenr === member.value.kommunenr);
    return row ? toCellNumber(row.total) : dhError(`${member.value.name} er ikke med i fordelingen for ${year}.`, 'notAvailable');
  },
};

export const ANDEL: CatalogEntry = {
  name: 'ANDEL',
  description: 'Kommunens andel av totalen for året (brøk, formater som prosent), eller av et prosjekts årskostnad (bare for år med nøkkel fra vedtaksåret).',
  params: KOSTNAD.params,
  returns: { kind: 'number', format: 'percent', description: 'Andel mellom 0 og 1.' },
  examples: [{ formula: '=DH.ANDEL("Rana";2026)', result: '0,1533 (15,33 %)' }],
  implementation(ctx, kommune, year: number, project?: string): CellResult {
    const member = ctx.data.resolveMember(kommune);
    if (!member.ok) return member.error;
    if (project !== undefined) {
      const p = ctx.data.resolveProject(project);
      if (!p.ok) return p.error;
      const outside = projectYearProblem(ctx.data.dataset, p.value, year);
      if (outside) return outside;
      let total = new Dec(0);
      let own = new Dec(0);
      for (const m of ctx.data.dataset.members) {
        const cost = projectCost(ctx.data.dataset, p.value, m.kommunenr);
        if (!cost.ok) return cost.error;
        total = total.plus(cost.value);
        if (m.kommunenr === member.value.kommunenr) own = cost.value;
      }
      return total.isZero() ? 0 : own.dividedBy(total).toNumber();
    }
    const allocation = ctx.allocation(year);
    if (!allocation.ok) return allocation.error;
    const share = shareOf(allocation.value, member.value.kommunenr);
    return share === undefined ? dhError(`${member.value.name} er ikke med i fordelingen for ${year}.`, 'notAvailable') : share.toNumber();
  },
};

export const INNBYGGERE: CatalogEntry = {
  name: 'INNBYGGERE',
  description: 'Innbyggertallet fordelingsnøkkelen bruker for kommunen (og året).',
  params: [kommuneParam, { ...yearParam, optional: true, description: 'Valgfritt budsjettår; gir feil hvis året ikke har nøkkel.' }],
  returns: { kind: 'number', format: 'integer', description: 'Antall innbyggere.' },
  examples: [{ formula: '=DH.INNBYGGERE("Rana")', result: '25 899' }],
  implementation(ctx, kommune, year?: number): CellResult {
    const member = ctx.data.resolveMember(kommune);
    if (!member.ok) return member.error;
    if (year !== undefined) {
      const allocation = ctx.allocation(year);
      if (!allocation.ok) return allocation.error;
    }
    return member.value.population;
  },
};

export const KOMMUNENR: CatalogEntry = {
  name: 'KOMMUNENR',
  description: 'Kommunenummeret (fire sifre, som tekst) for et kommunenavn.',
  params: [kommuneParam],
  returns: { kind: 'text', format: 'text', description: 'Kommunenummer som tekst, f.eks. "1833".' },
  examples: [{ formula: '=DH.KOMMUNENR("Rana")', result: '1833' }],
  implementation(ctx, kommune): CellResult {
    const member = ctx.data.resolveMember(kommune);
    if (member.ok) return member.value.kommunenr;
    const known = ctx.data.registry.resolve(kommune, ctx.data.memberNumbers);
    return known.ok ? known.value.kommunenr : known.error;
  },
};

export const KOMMUNENAVN: CatalogEntry = {
  name: 'KOMMUNENAVN',
  description: 'Det offisielle kommunenavnet for et kommunenummer eller en skrivemåte.',
  params: [kommuneParam],
  returns: { kind: 'text', format: 'text', description: 'Kommunenavn.' },
  examples: [{ formula: '=DH.KOMMUNENAVN(1826)', result: 'Hattfjelldal' }],
  implementation(ctx, kommune): CellResult {
    const known = ctx.data.registry.resolve(kommune, ctx.data.memberNumbers);
    return known.ok ? known.value.name : known.error;
  },
};

export const FORDEL: CatalogEntry = {
  name: 'FORDEL',
  description: 'Fordeler et beløp på kommunene i området slik at delene summerer nøyaktig til beløpet (største rest).',
  params: [
    { name: 'beløp', type: 'number', description: 'Beløpet som skal fordeles (kr).' },
    { name: 'kommuner', type: 'range', description: 'Område med kommunenavn eller -nummer, hver kommune én gang.' },
    { name: 'nøkkel', type: 'text', optional: true, description: '"innbyggere" (standard), "likt", "vekter", eller et år (fordel som årets nøkkel).' },
    { name: 'vekter', type: 'range', optional: true, description: 'Vekter i samme form som kommuner (når nøkkel er "vekter").' },
  ],
  returns: { kind: 'matrix', format: 'kroner', description: 'Ett beløp per kommune, i samme form som området.' },
  examples: [{ formula: '=DH.FORDEL(100000;A2:A20)', result: 'en kolonne som summerer til 100 000,00' }],
  implementation(ctx, amount: Dec, kommuner: unknown[][], key?: string, weightsRange?: unknown[][]): CellResult {
    const resolved = resolveDistinctMembers(ctx, kommuner);
    if (!resolved.ok) return resolved.error;
    const { members, cells } = resolved.value;
    const mode = normalizeKey(key ?? 'innbyggere');
    let weights: Dec[];
    if (mode === '' || mode.startsWith('innbygg') || mode === 'folketall') {
      weights = members.map((m) => new Dec(m.population));
    } else if (mode === 'likt' || mode === 'flatt' || mode === 'flat') {
      weights = members.map(() => new Dec(1));
    } else if (mode.startsWith('vekt')) {
      if (!weightsRange) return dhError('Nøkkel "vekter" krever et område med vekter.');
      const w: Dec[] = [];
      for (let i = 0; i < members.length; i++) {
        const r = cells.r[i]!;
        const c = cells.c[i]!;
        const n = parseNumber(weightsRange[r]?.[c]);
        if (!n.ok || n.value.isNegative()) return dhError(`Vekt for ${members[w.length]!.name} mangler eller er ugyldig.`);
        w.push(n.value);
      }
      weights = w;
    } else if (/^\d{4}$/.test(mode)) {
      const allocation = ctx.allocation(Number(mode));
      if (!allocation.ok) return allocation.error;
      const totals = new Map(allocation.value.rows.map((r) => [r.kommunenr, r.total]));
      weights = members.map((m) => totals.get(m.kommunenr) ?? new Dec(0));
    } else {
      return dhError(`Ukjent nøkkel «${key}»: bruk "innbyggere", "likt", "vekter" eller et år.`);
    }
    const parts = splitLargestRemainder(amount, weights);
    const out: CellResult[][] = kommuner.map((row) => row.map(() => ''));
    members.forEach((_, i) => {
      const r = cells.r[i]!;
      const c = cells.c[i]!;
      out[r]![c] = toCellNumber(parts[i]!);
    });
    return out;
  },
};

export const TIDSVERDI: CatalogEntry = {
  name: 'TIDSVERDI',
  description: 'Verdien av spart tid: antall × minutter ÷ 60 × timesats (kr).',
  params: [
    { name: 'antall', type: 'number', description: 'Antall saker/håndteringer.' },
    { name: 'minutter', type: 'number', description: 'Minutter spart per sak.' },
    { name: 'timesats', type: 'number', description: 'Kroner per time.' },
  ],
  returns: { kind: 'number', format: 'kroner', description: 'Kroner.' },
  examples: [{ formula: '=DH.TIDSVERDI(12000;3;685)', result: '411 000,00' }],
  implementation: (_ctx, count: Dec, minutes: Dec, rate: Dec) => toCellNumber(timeValue(count, minutes, rate)),
};

export const NETTOGEVINST: CatalogEntry = {
  name: 'NETTOGEVINST',
  description: 'Netto gevinst: (verdien av spart tid − kostnad) × perioder. Positivt tall = gevinst.',
  params: [
    { name: 'kostnad', type: 'number', description: 'Kostnad per periode (kr).' },
    { name: 'antall', type: 'number', description: 'Antall saker per periode.' },
    { name: 'minutter', type: 'number', description: 'Minutter spart per sak.' },
    { name: 'timesats', type: 'number', description: 'Kroner per time.' },
    { name: 'perioder', type: 'number', optional: true, description: 'Antall perioder (standard 1), f.eks. 12 for et år med månedstall.' },
  ],
  returns: { kind: 'number', format: 'kroner', description: 'Kroner.' },
  examples: [{ formula: '=DH.NETTOGEVINST(12500;1165;5;695;12)', result: '659 675,00' }],
  implementation: (_ctx, cost: Dec, count: Dec, minutes: Dec, rate: Dec, periods?: Dec) =>
    toCellNumber(netBenefit(cost, count, minutes, rate, periods ?? new Dec(1))),
};

export const NNV: CatalogEntry = {
  name: 'NNV',
  description: 'Netto nåverdi med reell rente (standard 4 % etter R-109). Første celle er år 0 og diskonteres ikke; en tom celle inne i området er 0 det året.',
  params: [
    { name: 'kontantstrøm', type: 'range', description: 'Kontantstrøm per år fra år 0 (investering negativ), én celle per år.' },
    { name: 'rente', type: 'number', optional: true, description: 'Reell diskonteringsrente, f.eks. 0,04 eller 4 % (tallet 4 alene er en feil).' },
  ],
  returns: { kind: 'number', format: 'kroner', description: 'Nåverdi i kroner.' },
  examples: [{ formula: '=DH.NNV(B2:B12)', result: 'nåverdi med 4 %' }],
  implementation(_ctx, flows: unknown[][], rate?: Dec): CellResult {
    if (rate !== undefined && rate.greaterThan(1)) {
      const points = plainNumber(rate);
      return dhError(`Renten ${points} betyr ${plainNumber(rate.times(100))} %: skriv ${points} % eller ${plainNumber(rate.dividedBy(100))}.`);
    }
    const values = yearlyNumbers(flows, 'Kontantstrøm');
    if (!values.ok) return values.error;
    if (values.value.length === 0) return dhError('Kontantstrømmen er tom.');
    const npv = netPresentValue(values.value, rate ?? DEFAULT_REAL_RATE);
    return npv.ok ? toCellNumber(npv.value) : npv.error;
  },
};

export const TILBAKEBETALING: CatalogEntry = {
  name: 'TILBAKEBETALING',
  description: 'Tilbakebetalingstid i år: når summen av årlige gevinster dekker investeringen (udiskontert).',
  params: [
    { name: 'investering', type: 'number', description: 'Investeringen (positivt beløp).' },
    { name: 'årlige_gevinster', type: 'range', description: 'Gevinst per år fra år 1 (én verdi = lik hvert år; en tom celle inne i området = 0 det året).' },
  ],
  returns: { kind: 'number', description: 'År med to desimaler.' },
  examples: [{ formula: '=DH.TILBAKEBETALING(500000;200000)', result: '2,5' }],
  implementation(_ctx, investment: Dec, gains: unknown[][]): CellResult {
    const values = yearlyNumbers(gains, 'Årlige gevinster');
    if (!values.ok) return values.error;
    const years = paybackYears(investment, values.value);
    return years.ok ? years.value.toNumber() : years.error;
  },
};

export const DEKNING: CatalogEntry = {
  name: 'DEKNING',
  description: 'Andel av samarbeidets innbyggere som bor i de oppgitte kommunene (Akson-regelen krever 55 %).',
  params: [{ name: 'kommuner', type: 'range', description: 'Område med kommunene som har sluttet seg til.' }],
  returns: { kind: 'number', format: 'percent', description: 'Andel mellom 0 og 1.' },
  examples: [{ formula: '=DH.DEKNING(A2:A10)', result: '0,62 (62 %)' }],
  implementation(ctx, kommuner: unknown[][]): CellResult {
    const unique = new Map<string, number>();
    const resolved = eachMember(ctx, kommuner, (m) => {
      unique.set(m.kommunenr, m.population);
    });
    if (!resolved.ok) return resolved.error;
    const total = ctx.data.dataset.members.reduce((acc, m) => acc + m.population, 0);
    return populationShare([...unique.values()], total).toNumber();
  },
};

export const SJEKK: CatalogEntry = {
  name: 'SJEKK',
  description: 'Kontrollerer et systemregister (systemoversikt) med overskriftsrad; gir antall funn, eller listen med "liste".',
  params: [
    { name: 'register_område', type: 'range', description: 'Registeret inkludert overskriftsraden.' },
    { name: 'visning', type: 'text', optional: true, description: '"antall" (standard), "feil" (bare feil) eller "liste" (alle funn som tabell).' },
  ],
  returns: { kind: 'matrix', description: 'Antall funn, eller en tabell: alvorlighet, celle, regel, melding.' },
  examples: [{ formula: '=DH.SJEKK(DH_Register[#Alle])', result: '3' }],
  implementation(ctx, range: unknown[][], view?: string): CellResult {
    const findings = checkRegister(range, { today: ctx.today, data: ctx.data, sheet: '' });
    const mode = normalizeKey(view ?? 'antall');
    if (mode === 'antall' || mode === '') return findings.length;
    if (mode === 'feil') return findings.filter((f) => f.severity === 'error').length;
    if (mode === 'liste') {
      if (findings.length === 0) return [['Ingen funn', '', '', '']];
      const label = { error: 'Feil', warning: 'Advarsel', info: 'Info' } as const;
      return findings.map((f) => [label[f.severity], f.cell, f.rule, f.message]);
    }
    return dhError(`Ukjent visning «${view}»: bruk "antall", "feil" eller "liste".`);
  },
};

/** Every DH function, in the order the README lists them. The single source for all hosts. */
export const CATALOG: readonly CatalogEntry[] = [
  KOSTNAD, ANDEL, INNBYGGERE, KOMMUNENR, KOMMUNENAVN, FORDEL, TIDSVERDI, NETTOGEVINST, NNV, TILBAKEBETALING, DEKNING, SJEKK, OPPSIGELSE,
  SCENARIO, BALANSE,
];


