// Digitale Helgeland 2026, transcribed from the board minutes of 16 October 2025 (seed 004:
// Sak 40-25 budget and allocation key, Sak 41-25 project decisions, RPA and DUO tables).
// Structured source: shared/reference/helgeland-2025/*.json. Figures are kept as printed strings.
import { dec } from '../money/kroner.js';
import { HELGELAND_ARKIVPLAN } from '../arkivplan/helgeland2025.js';
import type { Dataset, Project } from './model.js';

const REFERENCE_DATE = '2025-06-30';

/** [kommunenr, name, innbyggere 2. kv. 2025] */
const MEMBERS: readonly (readonly [string, string, number])[] = [
  ['1811', 'Bindal', 1359],
  ['1812', 'Sømna', 1995],
  ['1813', 'Brønnøy', 7858],
  ['1815', 'Vega', 1208],
  ['1816', 'Vevelstad', 470],
  ['1818', 'Herøy', 1910],
  ['1820', 'Alstahaug', 7485],
  ['1822', 'Leirfjord', 2356],
  ['1824', 'Vefsn', 13491],
  ['1825', 'Grane', 1421],
  ['1826', 'Hattfjelldal', 1259],
  ['1827', 'Dønna', 1431],
  ['1828', 'Nesna', 1737],
  ['1832', 'Hemnes', 4475],
  ['1833', 'Rana', 25899],
  ['1834', 'Lurøy', 1954],
  ['1835', 'Træna', 447],
  ['1836', 'Rødøy', 1151],
  ['1837', 'Meløy', 6073],
];

const ALL = MEMBERS.map(([nr]) => nr);
const byName = new Map(MEMBERS.map(([nr, name]) => [name, nr]));
const except = (...names: string[]) => ALL.filter((nr) => !names.some((n) => byName.get(n) === nr));

/** Monthly RPA cost and handled cases per month (Sak 41-25, RPA table; blank cost = 0). */
const RPA: readonly (readonly [string, string, number])[] = [
  ['Alstahaug', '12500.00', 1165],
  ['Bindal', '8500.00', 233],
  ['Brønnøy', '12500.00', 638],
  ['Dønna', '9000.00', 84],
  ['Grane', '9500.00', 85],
  ['Hattfjelldal', '9500.00', 61],
  ['Hemnes', '9000.00', 314],
  ['Herøy', '9000.00', 412],
  ['Leirfjord', '8500.00', 213],
  ['Lurøy', '9000.00', 3059],
  ['Meløy', '0', 0],
  ['Nesna', '8500.00', 80],
  ['Rana', '18500.00', 878],
  ['Rødøy', '7500.00', 0],
  ['Sømna', '8000.00', 318],
  ['Træna', '0', 0],
  ['Vefsn', '16500.00', 1269],
  ['Vega', '8000.00', 27],
  ['Vevelstad', '4500.00', 149],
];

/** Monthly DUO cost per member (Sak 41-25, DUO table). */
const DUO: readonly (readonly [string, string])[] = [
  ['Alstahaug', '20799.00'],
  ['Bindal', '8473.00'],
  ['Brønnøy', '17987.00'],
  ['Dønna', '8473.00'],
  ['Grane', '8473.00'],
  ['Hattfjelldal', '8473.00'],
  ['Hemnes', '15191.00'],
  ['Herøy', '9382.00'],
  ['Leirfjord', '9736.00'],
  ['Lurøy', '6382.00'],
  ['Meløy', '16818.00'],
  ['Nesna', '9382.00'],
  ['Rana', '20799.00'],
  ['Rødøy', '7525.00'],
  ['Sømna', '9736.00'],
  ['Træna', '4655.00'],
  ['Vefsn', '18950.00'],
  ['Vega', '7918.00'],
  ['Vevelstad', '4742.00'],
];

const monthlyToAnnual = (rows: readonly (readonly [string, string, ...unknown[]])[]) =>
  new Map(rows.map(([name, monthly]) => [byName.get(name)!, dec(monthly).times(12)]));

const PROJECTS: readonly Project[] = [
  {
    name: 'Felles anskaffelse EPJ helse og omsorg',
    aliases: ['EPJ helse og omsorg', 'EPJ'],
    decidedOn: '2024-10-25',
    participants: except('Bindal'),
    split: 'flat',
  },
  {
    name: 'Felles responssenter',
    aliases: ['Responssenter'],
    decidedOn: '2025-06-12',
    participants: except(),
    split: 'flat',
  },
  {
    name: 'Felles EPJ legesenter',
    aliases: ['EPJ legesenter'],
    decidedOn: '2025-06-12',
    participants: except('Bindal'),
    split: 'flat',
  },
  {
    name: 'ALL inn',
    aliases: ['ALLinn'],
    decidedOn: '2025-03-21',
    participants: except('Meløy', 'Træna'),
    split: 'flat',
  },
  {
    name: 'RPA vedtatt pr epost',
    aliases: ['RPA'],
    decidedOn: '2024-12-11',
    participants: except('Meløy', 'Rødøy', 'Træna'),
    split: 'flat',
    memberAnnualCost: monthlyToAnnual(RPA),
    note: 'Månedskostnad × 12 fra RPA-tabellen (Sak 41-25).',
  },
  {
    name: 'DUO arkiver automatisering av postmottak',
    aliases: ['DUO', 'DUO arkivar'],
    decidedOn: '2024-03-21',
    participants: except('Meløy', 'Rødøy', 'Træna'),
    split: 'flat',
    memberAnnualCost: monthlyToAnnual(DUO),
    note: 'Månedskostnad × 12 fra DUO-tabellen (Sak 41-25).',
  },
  {
    name: 'Utarbeidelse av felles dokumentasjons og datasenter',
    aliases: ['DHO', 'Dokumentasjons- og datasenter'],
    decidedOn: '2025-06-12',
    participants: except('Meløy', 'Rødøy', 'Træna'),
    split: 'flat',
  },
  {
    name: 'Interkommunalt samarbeid rundt økonomi og regnskap',
    aliases: ['Økonomi og regnskap'],
    decidedOn: '2025-03-21',
    participants: except('Rødøy', 'Træna'),
    split: 'flat',
  },
  {
    name: 'Felles anskaffelse Velferdsteknologisk plattform med Rana',
    aliases: ['Velferdsteknologi'],
    decidedOn: '2025-06',
    participants: [byName.get('Brønnøy')!, byName.get('Lurøy')!, byName.get('Meløy')!, byName.get('Rana')!, byName.get('Sømna')!, byName.get('Vega')!, byName.get('Vevelstad')!],
    split: 'flat',
  },
];

export const HELGELAND_2026: Dataset = {
  name: 'Digitale Helgeland 2026',
  source: 'Styremøte 16.10.2025, Sak 40-25 og 41-25',
  members: MEMBERS.map(([kommunenr, name, population]) => ({ kommunenr, name, population, referenceDate: REFERENCE_DATE })),
  keys: [
    {
      year: 2026,
      fixedAmount: dec('156520.48'),
      ratePerInhabitant: dec('23'),
      priceIndex: dec('0.039'),
      budgetedTotal: dec('4956481.97'),
      populationBasis: '2. kv. 2025',
    },
  ],
  projects: PROJECTS,
  rpa: {
    rows: RPA.map(([name, monthly, handled]) => ({ kommunenr: byName.get(name)!, monthlyCost: dec(monthly), handledPerMonth: handled })),
    // Not printed: the table's time saving is 57,9166… kr per handled case, i.e. 5 minutes at 695 kr/time.
    assumption: { minutesPerCase: dec(5), hourlyRate: dec(695), source: 'utledet av RPA-tabellen (Sak 41-25)' },
  },
  duo: {
    emailsPerMonth: 15000,
    shareHandled: dec('0.8'),
    assumption: { minutesPerCase: dec(3), hourlyRate: dec(685), source: 'Sak 41-25, DUO arkivar' },
    adoptedMonthlySaving: dec('417000'),
    monthlyCost: new Map(DUO.map(([name, monthly]) => [byName.get(name)!, dec(monthly)])),
  },
  arkivplan: HELGELAND_ARKIVPLAN,
};
