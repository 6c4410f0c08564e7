import { a1, type Finding } from '../findings/finding.js';
import { Dec, roundOre, sum, type Kroner } from '../money/kroner.js';
import { isBlank, parseDate, parseNumber, parseYesNo, cellText } from '../util/cells.js';
import { columnIndex, type OwnedTable, type TableData } from '../workbook/table.js';
import { DEFAULT_REAL_RATE, netPresentValue, paybackYears } from './npv.js';
import { BENEFIT_TYPES, parseBenefitType, releasesBudget } from './types.js';

/** Columns of a gevinstrealiseringsplan (DFØ's template, with the money columns the board needs). */
export const GEVINST_HEADERS = [
  'Gevinst', 'Kommune', 'Type', 'Kontantfrigjørende', 'Indikator', 'Nullpunkt', 'Målverdi',
  'Ansvarlig', 'Frist', 'Beregning', 'Investering', 'Årlig kostnad', 'Årlig gevinst', 'År',
] as const;

/** The template the panel inserts as DH_Gevinst, with three worked example rows from the board document. */
export function gevinstTemplate(): OwnedTable {
  return {
    name: 'DH_Gevinst',
    headers: [...GEVINST_HEADERS],
    rows: [
      ['Automatisert postmottak (DUO)', 'Rana', 'spart tid', 'Nei', 'Timer brukt på postmottak pr mnd', 120, 60, 'Arkivleder', '31.12.2026',
        '12 000 e-poster × 3 min ÷ 60 × 685 kr/t, fordelt etter kostnad', 0, 249588, 486587.73, 5],
      ['RPA i Elements', 'Vefsn', 'spart tid', 'Nei', 'Håndteringer pr mnd', 0, 1269, 'Digitaliseringsleder', '30.06.2026',
        '1 269 håndteringer × 5 min ÷ 60 × 695 kr/t', 0, 198000, 881955, 5],
      // Sak 42-25: an own arkivplan/systemforvaltning solution instead of a commercial one at 8 000–9 000 kr per
      // kommune per month. The cost was never budgeted, so the avoided cost frees no budget money (Nei).
      ['Egen løsning for arkivplan og systemforvaltning (sak 42-25)', 'Hemnes', 'unngått kostnad', 'Nei', 'Kommersiell løsning ikke kjøpt', 0, 0, 'Arkivleder', '01.01.2026',
        'Kommersiell løsning 8 000–9 000 kr pr kommune pr mnd; lavest: 8 000 kr × 12', 0, 0, 96000, 5],
    ],
  };
}

export interface GevinstRow {
  readonly row: number;
  readonly name: string;
  readonly kommune: string;
  readonly type?: string;
  readonly releasesBudget: boolean;
  readonly investment: Kroner;
  readonly annualCost: Kroner;
  readonly annualBenefit: Kroner;
  readonly years: number;
  /** Annual benefit − annual cost. */
  readonly netAnnual: Kroner;
  readonly npv?: Kroner;
  readonly paybackYears?: Dec;
}

export interface GevinstEvaluation {
  readonly rows: readonly GevinstRow[];
  readonly findings: readonly Finding[];
  readonly totalNetAnnual: Kroner;
  readonly totalNpv: Kroner;
  /** Net annual benefit per kommune (name as typed). */
  readonly perKommune: readonly { kommune: string; netAnnual: Kroner; npv: Kroner }[];
}

/**
 * Validates a DH_Gevinst table and computes each benefit's net annual value, NPV over its years at the
 * real rate (investment in year 0) and payback. Missing required fields are findings, never a throw.
 */
export function evaluateGevinst(table: TableData, rate: Dec = DEFAULT_REAL_RATE, today?: string): GevinstEvaluation {
  const col = (...names: string[]) => columnIndex(table.headers, ...names);
  const c = {
    name: col('Gevinst'), kommune: col('Kommune'), type: col('Type', 'Gevinsttype'), cash: col('Kontantfrigjørende', 'Kontantfrigjorende'),
    indicator: col('Indikator'), baseline: col('Nullpunkt'), target: col('Målverdi', 'Malverdi'), owner: col('Ansvarlig'), due: col('Frist'),
    method: col('Beregning'), investment: col('Investering'), cost: col('Årlig kostnad', 'Arlig kostnad', 'Kostnad'),
    benefit: col('Årlig gevinst', 'Arlig gevinst'), years: col('År', 'Ar', 'Levetid'),
  };
  const originRow = table.originRow ?? 1;
  const originColumn = table.originColumn ?? 1;
  const sheet = table.sheet ?? table.name;
  const findings: Finding[] = [];
  const report = (r: number, ci: number, rule: string, severity: Finding['severity'], message: string, actual?: string) => {
    const row = originRow + 1 + r;
    const column = originColumn + Math.max(ci, 0);
    findings.push({ rule, severity, sheet, cell: a1(row, column), row, column: table.headers[ci] ?? '', message, ...(actual !== undefined ? { actual } : {}) });
  };
  for (const [field, index] of Object.entries(c)) {
    if (index < 0 && ['name', 'type', 'indicator', 'owner', 'benefit'].includes(field)) {
      report(-1, 0, 'gevinst.kolonne-mangler', 'error', `Kolonnen «${GEVINST_HEADERS.find((h) => h.toLowerCase().startsWith(field === 'name' ? 'gevinst' : field === 'owner' ? 'ansvarlig' : field === 'benefit' ? 'årlig gevinst' : field === 'indicator' ? 'indikator' : 'type'))}» mangler i DH_Gevinst.`);
    }
  }
  const rows: GevinstRow[] = [];
  const amount = (r: number, row: readonly unknown[], ci: number, label: string): Dec => {
    if (ci < 0 || isBlank(row[ci])) return new Dec(0);
    const n = parseNumber(row[ci]);
    if (n.ok) return n.value;
    report(r, ci, 'gevinst.ugyldig-tall', 'error', `${label}: ${n.reason}. Skriv et beløp, f.eks. 12 500.`, cellText(row[ci]));
    return new Dec(0);
  };
  table.rows.forEach((row, r) => {
    if (row.every(isBlank)) return;
    const text = (ci: number) => (ci >= 0 ? cellText(row[ci]) : '');
    const name = text(c.name);
    if (!name) report(r, c.name, 'gevinst.mangler-navn', 'error', 'Gevinsten mangler navn.');
    for (const [ci, label] of [[c.indicator, 'indikator'], [c.owner, 'ansvarlig'], [c.baseline, 'nullpunkt'], [c.target, 'målverdi']] as const) {
      if (ci >= 0 && isBlank(row[ci])) report(r, ci, 'gevinst.mangler-felt', 'warning', `«${name || 'Gevinsten'}» mangler ${label}.`);
    }
    const typeText = text(c.type);
    const type = typeText ? parseBenefitType(typeText) : undefined;
    if (c.type >= 0 && !type) report(r, c.type, 'gevinst.ukjent-type', 'error', `Ukjent gevinsttype «${typeText}»: bruk ${BENEFIT_TYPES.join(', ')}.`, typeText);
    let cash = type ? releasesBudget(type) : false;
    if (c.cash >= 0 && !isBlank(row[c.cash])) {
      const yn = parseYesNo(row[c.cash]);
      if (!yn.ok) report(r, c.cash, 'gevinst.ugyldig-ja-nei', 'error', `Kontantfrigjørende: ${yn.reason}.`, text(c.cash));
      else {
        cash = yn.value;
        if (type && yn.value && !releasesBudget(type)) {
          report(r, c.cash, 'gevinst.kontant-uten-kostnad', 'warning', `«${name}» er merket kontantfrigjørende, men typen «${type}» frigjør ikke budsjettmidler før noe faktisk tas ut.`);
        }
      }
    }
    if (c.due >= 0 && !isBlank(row[c.due])) {
      const due = parseDate(row[c.due]);
      if (!due.ok) report(r, c.due, 'gevinst.ugyldig-dato', 'error', `Frist: ${due.reason}.`, text(c.due));
      else if (today && due.value < today) report(r, c.due, 'gevinst.frist-passert', 'info', `Fristen for «${name}» (${due.value.split('-').reverse().join('.')}) er passert: er gevinsten målt?`);
    }
    const investment = amount(r, row, c.investment, 'Investering');
    const annualCost = amount(r, row, c.cost, 'Årlig kostnad');
    const annualBenefit = amount(r, row, c.benefit, 'Årlig gevinst');
    let years = 5;
    if (c.years >= 0 && !isBlank(row[c.years])) {
      const y = parseNumber(row[c.years]);
      if (y.ok && y.value.isInteger() && y.value.greaterThan(0) && y.value.lessThanOrEqualTo(40)) years = y.value.toNumber();
      else report(r, c.years, 'gevinst.ugyldig-levetid', 'error', 'År må være et helt tall mellom 1 og 40 (R-109).', text(c.years));
    }
    const netAnnual = roundOre(annualBenefit.minus(annualCost));
    const flows = [investment.negated(), ...Array.from({ length: years }, () => netAnnual)];
    const npv = netPresentValue(flows, rate);
    const payback = paybackYears(investment, [netAnnual], years);
    rows.push({
      row: originRow + 1 + r, name, kommune: text(c.kommune), ...(type ? { type } : {}), releasesBudget: cash,
      investment, annualCost, annualBenefit, years, netAnnual,
      ...(npv.ok ? { npv: npv.value } : {}), ...(payback.ok ? { paybackYears: payback.value } : {}),
    });
  });
  const per = new Map<string, { netAnnual: Kroner; npv: Kroner }>();
  for (const row of rows) {
    const key = row.kommune || '(felles)';
    const acc = per.get(key) ?? { netAnnual: new Dec(0), npv: new Dec(0) };
    per.set(key, { netAnnual: acc.netAnnual.plus(row.netAnnual), npv: acc.npv.plus(row.npv ?? 0) });
  }
  return {
    rows,
    findings,
    totalNetAnnual: sum(rows.map((r) => r.netAnnual)),
    totalNpv: sum(rows.map((r) => r.npv ?? new Dec(0))),
    perKommune: [...per.entries()].map(([kommune, v]) => ({ kommune, ...v })),
  };
}


