// The board's arkivplan table (seed 004, sak 41-25/42-25; shared/reference/helgeland-2025/arkivplan.json) as the
// embedded DH_Arkivplan, 19 rows in the printed order, figures as printed. Oppsigelsestid is left blank where the
// printed «Type avtale» states it («SSA-L 3 mnd oppsigelse»), so the row reads as the board wrote it.
import { dec } from '../money/kroner.js';
import type { ArkivplanInputs, ArkivplanRow } from './model.js';

/** [kommunenr, kommune, siste versjon (ISO), løsning i dag, kostnad pr mnd, type avtale] */
const PRINTED: readonly (readonly [string, string, string?, string?, string?, string?])[] = [
  ['1820', 'Alstahaug', '2024-04-16', 'Compilo'],
  ['1811', 'Bindal', '2022-05-01', 'Word og Excel'],
  ['1813', 'Brønnøy'],
  ['1827', 'Dønna', undefined, undefined, '1788.00', 'SSA-L 3 mnd oppsigelse'],
  ['1825', 'Grane'],
  ['1826', 'Hattfjelldal', '2024-12-12', 'Oppsagt Arkivplan'],
  ['1832', 'Hemnes', '2005-12-13', 'Word'],
  ['1818', 'Herøy', '2025-06-05', 'Arkivplan.no', '2042.00', 'SSA-L 3 mnd oppsigelse'],
  ['1822', 'Leirfjord', '2024-04-12', 'Arkivplan.no', '1992.00', 'SSA-L 3 mnd oppsigelse'],
  ['1834', 'Lurøy', '2005-01-01', 'Word og Compilo', undefined, 'Arkivplan.no oppsagt 01.01.25'],
  ['1837', 'Meløy'],
  ['1828', 'Nesna', undefined, undefined, '1992.00', 'SSA-L 3 mnd oppsigelse'],
  ['1833', 'Rana'],
  ['1836', 'Rødøy', '2024-03-26', 'Arkivplan.no', '1783.00', 'SSA-L 3 mnd oppsigelse'],
  ['1812', 'Sømna', '2022-12-16', 'Arkivplan.no', '1333.00', 'Oppsagt f.o.m 01.01.26'],
  ['1835', 'Træna', '2024-10-01', 'Word og Compilo'],
  ['1824', 'Vefsn', '2024-04-02', 'Arkivplan gratis', '1242.00', 'SSA-L 3 mnd oppsigelse. Effekt 01.01.25'],
  ['1815', 'Vega'],
  ['1816', 'Vevelstad', '2020-01-01', 'Word'],
];

const rows: ArkivplanRow[] = PRINTED.map(([kommunenr, kommune, lastVersion, solution, cost, agreement]) => ({
  kommunenr,
  kommune,
  ...(lastVersion ? { lastVersion } : {}),
  ...(solution ? { solution } : {}),
  ...(cost ? { monthlyCost: dec(cost) } : {}),
  ...(agreement ? { agreement } : {}),
}));

export const HELGELAND_ARKIVPLAN: ArkivplanInputs = {
  rows,
  decision: {
    decisionDate: '2025-10-16',
    // Sak 42-25: «Systemet vil ha effekt fra 1. januar 2026.»
    effectFrom: '2026-01-01',
    // Sak 42-25: «kommunene som har betalte arkivplanavtaler (Sømna, Træna, Bindal, Grane, og Vega)».
    payingKommuner: ['1812', '1835', '1811', '1825', '1815'],
    defaultNoticeMonths: 3,
    rule: 'fra-dato',
    avoidedCommercialCost: { min: dec('8000'), max: dec('9000') },
  },
};
