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
import type { CatalogEntry, CellResult, FunctionContext } from './types.js';

const kommuneParam = { name: 'kommune', type: 'kommune', description: 'Kommunenavn eller kommunenummer, f.eks. "Rana" eller 1833.' } as const;
const yearParam = { name: 'år', type: 'year', description: 'Budsjettåret, f.eks. 2026.' } as const;
const projectParam = {
  name: 'prosjekt',
  type: 'text',
  optional: true,
  description: 'Valgfritt prosjekt, f.eks. "RPA" eller "DUO" (årskostnad; bare år med fordelingsnøkkel fra vedtaksåret).',
} as const;

/** Where a cell sits in a range, counted from 1 inside the range: "rad 2" in a column, "kolonne 3" in a row. */
function placeIn(range: unknown[][], r: number, c: number): string {
  const width = Math.max(0, ...range.map((row) => row.length));
  if (width <= 1) return `rad ${r + 1}`;
  if (range.length === 1) return `kolonne ${c + 1}`;
  return `rad ${r + 1}, kolonne ${c + 1}`;
}

/** Cells of a range that are not blank, with their position, in reading order. */
function nonBlankCells(range: unknown[][]): { r: number; c: number; value: unknown }[] {
  const cells: { r: number; c: number; value: unknown }[] = [];
  range.forEach((row, r) => row.forEach((value, c) => {
    if (!isBlank(value)) cells.push({ r, c, value });
  }));
  return cells;
}

function resolveMembers(ctx: FunctionContext, range: unknown[][]): Result<{ members: Member[]; cells: { r: number; c: number }[] }> {
  const members: Member[] = [];
  const cells: { r: number; c: number }[] = [];
  for (const cell of nonBlankCells(range)) {
    if (isErrorLike(cell.value)) {
      return fail(`Kommunen i ${placeIn(range, cell.r, cell.c)} i området er feilverdien ${cellText(cell.value)}: rett cellen eller ta den ut av området.`);
    }
    const problem = kommuneNumberProblem(cell.value, `${placeIn(range, cell.r, cell.c)} i området`);
    if (problem) return fail(problem);
    const member = ctx.data.resolveMember(cell.value);
    if (!member.ok) return member;
    members.push(member.value);
    cells.push({ r: cell.r, c: cell.c });
  }
  if (members.length === 0) return { ok: false, error: dhError('Ingen kommuner i området.') };
  return { ok: true, value: { members, cells } };
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

/** Each kommune once: the second cell naming the same kommune (by name or number) is an error naming both cells. */
function duplicateMember(range: unknown[][], members: readonly Member[], cells: readonly { r: number; c: number }[]): DhError | undefined {
  const first = new Map<string, number>();
  for (let i = 0; i < members.length; i++) {
    const seen = first.get(members[i]!.kommunenr);
    if (seen === undefined) {
      first.set(members[i]!.kommunenr, i);
      continue;
    }
    const shown = (j: number) => `«${cellText(range[cells[j]!.r]![cells[j]!.c])}» i ${placeIn(range, cells[j]!.r, cells[j]!.c)}`;
    const m = members[i]!;
    return dhError(`${m.name} (${m.kommunenr}) står to ganger i området (${shown(seen)} og ${shown(i)}): fjern den ene, så får hver kommune én del.`);
  }
  return undefined;
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
    const resolved = resolveMembers(ctx, kommuner);
    if (!resolved.ok) return resolved.error;
    const { members, cells } = resolved.value;
    const duplicate = duplicateMember(kommuner, members, cells);
    if (duplicate) return duplicate;
    const mode = normalizeKey(key ?? 'innbyggere');
    let weights: Dec[];
    if (mode === '' || mode.startsWith('innbygg') || mode === 'folketall') {
      weights = members.map((m) => new Dec(m.population));
    } else if (mode === 'likt' || mode === 'flatt' || mode === 'flat') {
      weights = members.map(() => new Dec(1));
    } else if (mode.startsWith('vekt')) {
      if (!weightsRange) return dhError('Nøkkel "vekter" krever et område med vekter.');
      const w: Dec[] = [];
      for (const { r, c } of cells) {
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
    cells.forEach(({ r, c }, i) => {
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
    const resolved = resolveMembers(ctx, kommuner);
    if (!resolved.ok) return resolved.error;
    const unique = new Map(resolved.value.members.map((m) => [m.kommunenr, m.population]));
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
];


