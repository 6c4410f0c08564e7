import { allocate, projectCost, projectYearProblem } from '../allocation/allocate.js';
import { splitPooledSaving } from '../benefits/pooled.js';
import { timeValueExact } from '../benefits/time-value.js';
import type { Dataset, Project } from '../dataset/model.js';
import { formatKroner, formatNumber } from '../money/format.js';
import { Dec, roundOre, sum, type Kroner } from '../money/kroner.js';
import { fail, ok, type Result } from '../result.js';
import { normalizeKey } from '../util/text.js';

/**
 * «Kommunens regnskap» / «Hva får vi igjen» (Sak 40-25 and 41-25): per kommune and year, what it pays (the key and
 * each project it takes part in), what it documentably gets back (its RPA and DUO savings as the board's tables give
 * them, its DH_Gevinst rows, external funding a table states as its own), and the net. Every figure carries where
 * it comes from, so a board member can check it; nothing is estimated: no documented benefit is 0 and says so.
 */
export interface BalanceLine {
  readonly label: string;
  readonly amount: Kroner;
  /** Table and row the figure comes from, in words. */
  readonly source: string;
  /** For benefits: true when the money is freed in the budget, false for time saved or quality. */
  readonly releasesBudget?: boolean;
}

export interface Balance {
  readonly kommunenr: string;
  readonly name: string;
  readonly year: number;
  readonly pays: readonly BalanceLine[];
  readonly getsBack: readonly BalanceLine[];
  readonly totalPays: Kroner;
  readonly totalGetsBack: Kroner;
  /** pays − getsBack, as the board's tables print netto (negative = gevinst): positive when the kommune pays more than it documentably gets back. */
  readonly net: Kroner;
  /** Of what it gets back, the part that frees budget money (the rest is time or quality). */
  readonly budgetFreed: Kroner;
  /** Sentences on what is left out and why (unknown project costs, no documented benefit, double counting). */
  readonly notes: readonly string[];
}

const perYear = (monthly: Dec) => roundOre(monthly.times(12));
const kr = (d: Dec) => formatKroner(d);

/** A DH_Gevinst row that describes the RPA or DUO savings the board's tables already hold: counted once, there. */
function coveredBy(gainName: string, dataset: Dataset): 'DH_RPA' | 'DH_DUO' | undefined {
  const words = normalizeKey(gainName).split(' ');
  if (dataset.rpa && words.includes('rpa')) return 'DH_RPA';
  if (dataset.duo && words.includes('duo')) return 'DH_DUO';
  return undefined;
}

function projectLines(dataset: Dataset, year: number, kommunenr: string, notes: string[]): BalanceLine[] {
  const lines: BalanceLine[] = [];
  for (const project of dataset.projects) {
    if (!project.participants.includes(kommunenr) && !project.memberAnnualCost?.get(kommunenr)?.greaterThan(0)) continue;
    if (projectYearProblem(dataset, project, year)) continue;
    const cost = projectCost(dataset, project, kommunenr);
    if (!cost.ok) {
      notes.push(`Deltar i «${project.name}», men prosjektet har ingen kostnad registrert: ikke regnet med.`);
      continue;
    }
    if (cost.value.isZero()) continue;
    lines.push({ label: `Prosjekt: ${project.name}`, amount: cost.value, source: projectSource(project) });
  }
  return lines;
}

function projectSource(project: Project): string {
  const decided = project.decidedOn ? `vedtatt ${project.decidedOn.split('-').reverse().join('.')}` : 'vedtak';
  return project.note ? `${project.note} (${decided})` : `Prosjektvedtak, ${decided}, ${project.split === 'innbyggere' ? 'fordelt etter innbyggertall' : 'delt flatt'} mellom deltakerne`;
}

/** The kommune's balance for `year` in `dataset`. The kommune must be a member. */
export function kommuneBalance(dataset: Dataset, year: number, kommunenr: string): Result<Balance> {
  const member = dataset.members.find((m) => m.kommunenr === kommunenr);
  if (!member) return fail(`Kommunenummer ${kommunenr} er ikke medlem i ${dataset.name}.`, 'notAvailable');
  const allocation = allocate(dataset, year);
  if (!allocation.ok) return allocation;
  const notes: string[] = [];
  const row = allocation.value.rows.find((r) => r.kommunenr === kommunenr)!;
  const k = allocation.value.key;
  const keyText = k.mode === 'fixedPlusRate'
    ? `${kr(k.fixedAmount)} + ${formatNumber(k.ratePerInhabitant, k.ratePerInhabitant.isInteger() ? 0 : 2)} kr × ${formatNumber(member.population)} innbyggere`
    : `${formatNumber(k.equalShare.times(100), 1)} % likt og resten etter innbyggertall`;
  const pays: BalanceLine[] = [
    { label: `Medlemsbidrag ${year}`, amount: row.total, source: `DH_Fordeling_${year}, rad ${member.name}: fordelingsnøkkelen (${keyText})` },
    ...projectLines(dataset, year, kommunenr, notes),
  ];

  const getsBack: BalanceLine[] = [];
  const rpa = dataset.rpa?.rows.find((r) => r.kommunenr === kommunenr);
  if (rpa && rpa.handledPerMonth > 0) {
    const saving = timeValueExact(new Dec(rpa.handledPerMonth), dataset.rpa!.assumption.minutesPerCase, dataset.rpa!.assumption.hourlyRate);
    const net = perYear(rpa.monthlyCost.minus(saving));
    getsBack.push({
      label: 'RPA: spart tid',
      amount: perYear(saving),
      source: `DH_RPA, rad ${member.name}: ${formatNumber(rpa.handledPerMonth)} håndteringer × ${formatNumber(dataset.rpa!.assumption.minutesPerCase, 0)} min ÷ 60 × ${kr(dataset.rpa!.assumption.hourlyRate)}/t × 12 (netto pr år i tabellen: ${kr(net)})`,
      releasesBudget: false,
    });
  }
  const duo = dataset.duo;
  if (duo?.monthlyCost.has(kommunenr)) {
    const entries = [...duo.monthlyCost.entries()].sort(([a], [b]) => a.localeCompare(b));
    const savings = splitPooledSaving(roundOre(duo.adoptedMonthlySaving), entries.map(([, cost]) => cost));
    const index = entries.findIndex(([nr]) => nr === kommunenr);
    const saving = savings[index]!;
    if (!saving.isZero()) {
      const net = perYear(duo.monthlyCost.get(kommunenr)!.minus(saving));
      getsBack.push({
        label: 'DUO: andel av besparelsen',
        amount: perYear(saving),
        source: `DH_DUO, rad ${member.name}: ${kr(saving)} pr mnd × 12 (vedtatt besparelse ${kr(roundOre(duo.adoptedMonthlySaving))} pr mnd fordelt etter kostnad; netto pr år i tabellen: ${kr(net)})`,
        releasesBudget: false,
      });
    }
  }
  for (const gain of dataset.gains ?? []) {
    if (gain.kommunenr !== kommunenr) continue;
    const covered = coveredBy(gain.name, dataset);
    if (covered) {
      notes.push(`«${gain.name}» (${gain.source}) står allerede i ${covered} og telles ikke to ganger.`);
      continue;
    }
    getsBack.push({ label: `Gevinst: ${gain.name}${gain.type ? ` (${gain.type})` : ''}`, amount: gain.annualBenefit, source: `${gain.source}: årlig gevinst`, releasesBudget: gain.releasesBudget });
    if (!gain.annualCost.isZero()) pays.push({ label: `Kostnad: ${gain.name}`, amount: gain.annualCost, source: `${gain.source}: årlig kostnad` });
  }
  for (const grant of dataset.grants ?? []) {
    if (grant.kommunenr !== kommunenr || (grant.year !== undefined && grant.year !== year)) continue;
    getsBack.push({ label: `Tilskudd: ${grant.name}`, amount: grant.amount, source: grant.source, releasesBudget: true });
  }
  if (getsBack.length === 0) {
    notes.push(`Ingen dokumentert gevinst for ${member.name} i tabellene (DH_RPA, DH_DUO, DH_Gevinst, DH_Tilskudd): 0 kr.`);
  }
  const totalPays = sum(pays.map((l) => l.amount));
  const totalGetsBack = sum(getsBack.map((l) => l.amount));
  return ok({
    kommunenr,
    name: member.name,
    year,
    pays,
    getsBack,
    totalPays,
    totalGetsBack,
    net: totalPays.minus(totalGetsBack),
    budgetFreed: sum(getsBack.filter((l) => l.releasesBudget).map((l) => l.amount)),
    notes,
  });
}

/** Every member's balance for `year`, in kommunenummer order. */
export function allBalances(dataset: Dataset, year: number): Result<Balance[]> {
  const balances: Balance[] = [];
  for (const member of [...dataset.members].sort((a, b) => a.kommunenr.localeCompare(b.kommunenr))) {
    const b = kommuneBalance(dataset, year, member.kommunenr);
    if (!b.ok) return b;
    balances.push(b.value);
  }
  return ok(balances);
}

export const NET_SIGN_TEXT = 'Netto = betaler − får igjen, som i styrets tabeller: negativt betyr at kommunen får mer igjen enn den betaler.';

/** Where a kommune's figures come from, in one short cell: the tables and rows its lines cite. */
function sourcesOf(b: Balance): string {
  const tables = [...b.pays, ...b.getsBack].map((l) => l.source.split(/[,:(]/)[0]!.trim());
  return [...new Set(tables)].join('; ');
}

export const BALANSE_HEADERS = [
  'Kommunenr', 'Kommune', 'Medlemsbidrag', 'Prosjekter m.m.', 'Betaler i alt',
  'Får igjen: spart tid og kvalitet', 'Får igjen: frigjør budsjett', 'Får igjen i alt', 'Netto (betaler − får igjen)', 'Kilder',
] as const;

/** DH_Balanse rows: one per member, then Sum; amounts as exact decimals (the board table writer turns them into cells). */
export function balanceRows(balances: readonly Balance[]): { kommunenr: string; name: string; figures: Kroner[]; sources: string }[] {
  const rows = balances.map((b) => {
    const key = b.pays[0]!.amount;
    return {
      kommunenr: b.kommunenr,
      name: b.name,
      figures: [key, b.totalPays.minus(key), b.totalPays, b.totalGetsBack.minus(b.budgetFreed), b.budgetFreed, b.totalGetsBack, b.net],
      sources: sourcesOf(b),
    };
  });
  const columns = rows[0]?.figures.length ?? 0;
  const totals = Array.from({ length: columns }, (_, i) => sum(rows.map((r) => r.figures[i]!)));
  return [...rows, { kommunenr: '', name: 'Sum', figures: totals, sources: '' }];
}
