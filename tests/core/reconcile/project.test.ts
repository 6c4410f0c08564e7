// A printed per-project split is reconciled against that project's participants and split (SPEC §3, issue 10 item
// 4), not against the membership key: a charged non-participant is the one error, with no false «nøkkelen gir …».
import { describe, expect, it } from 'vitest';
import { splitLargestRemainder } from '../../../core/money/split.js';
import { Dec } from '../../../core/money/kroner.js';
import { DatasetContext } from '../../../core/dataset/context.js';
import { HELGELAND_2026 } from '../../../core/dataset/helgeland2026.js';
import type { Finding } from '../../../core/findings/finding.js';
import { reconcileSheet } from '../../../core/reconcile/index.js';
import { datasetFromTables } from '../../../core/workbook/from-tables.js';
import { tableFromValues } from '../../../core/workbook/table.js';
import type { CellValue } from '../../../core/util/cells.js';

const data = new DatasetContext(HELGELAND_2026);
const serious = (fs: readonly Finding[]) => fs.filter((f) => f.severity !== 'info');
const brief = (f: Finding) => `${f.cell} ${f.rule} ${f.severity}`;

const project = HELGELAND_2026.projects.find((p) => p.name === 'Felles EPJ legesenter')!;
const participants = HELGELAND_2026.members.filter((m) => project.participants.includes(m.kommunenr));
const bindal = HELGELAND_2026.members.find((m) => m.name === 'Bindal')!;

/** «Felles EPJ legesenter»: 900 000 kr flatt på deltakerne, printed with shares to two decimals and a Sum row. */
function epjTable(edit?: (rows: CellValue[][]) => void): CellValue[][] {
  const parts = splitLargestRemainder(new Dec(900_000), participants.map(() => new Dec(1)));
  const shares = splitLargestRemainder(new Dec(100), participants.map(() => new Dec(1)));
  const rows: CellValue[][] = participants.map((m, i) => [m.name, m.population, `${shares[i]!.toFixed(2).replace('.', ',')} %`, Number(parts[i]!.toFixed(2))]);
  edit?.(rows);
  const total = rows.reduce((a, r) => a + (typeof r[3] === 'number' ? r[3] : 0), 0);
  return [['Felles EPJ legesenter – fordeling av årskostnad 2026'], ['Kommune', 'Innbyggere', 'Andel', 'Kostnad 2026'], ...rows, ['Sum', null, '100,00 %', Math.round(total * 100) / 100]];
}

describe('per-prosjekt-tabeller', () => {
  it('en riktig prosjekttabell gir ingen feil eller advarsler, og sier hvilket prosjekt den er kontrollert mot', () => {
    const { findings } = reconcileSheet({ sheet: 'EPJ', cells: epjTable() }, { data });
    expect(serious(findings).map(brief)).toEqual([]);
    expect(findings.find((f) => f.rule === 'kontroll.merknad')?.message).toContain('prosjektet «Felles EPJ legesenter»');
  });

  it('en belastet kommune som ikke deltar gir nøyaktig den feilen, og ingen falske nøkkelfeil', () => {
    // Bindal copied in with a participant's figures; the Sum row is what the rows add up to.
    const cells = epjTable((rows) => rows.splice(1, 0, [bindal.name, bindal.population, '5,56 %', 50_000]));
    const { findings } = reconcileSheet({ sheet: 'EPJ', cells }, { data });
    expect(serious(findings).map(brief)).toEqual(['D4 kontroll.deltakelse error']);
    expect(findings.find((f) => f.severity === 'error')!.message).toBe(
      'Bindal er belastet 50 000 kr, men deltar ikke i Felles EPJ legesenter (vedtatt 12.06.2025). Fjern beløpet, eller registrer deltakelsen i prosjektet.',
    );
    expect(findings.some((f) => /nøkkelen gir|mangler i tabellen/.test(f.message))).toBe(false);
  });

  it('en deltaker som mangler er en advarsel; en feil sum-rad rapporteres bare når den ikke stemmer med radene', () => {
    const cells = epjTable((rows) => rows.splice(5, 1));
    const { findings } = reconcileSheet({ sheet: 'EPJ', cells }, { data });
    const missing = participants[5]!;
    expect(serious(findings).map((f) => [f.rule, f.severity, f.message])).toEqual([
      ['kontroll.medlemmer', 'warning', `${missing.name} (${missing.kommunenr}) deltar i «Felles EPJ legesenter» (vedtatt 12.06.2025), men mangler i tabellen.`],
    ]);
  });

  it('ett feil beløp rapporteres én gang: andelene kontrolleres mot prosjektets fordeling, ikke mot de trykte beløpene', () => {
    const cells = epjTable((rows) => {
      rows[2]![3] = 55_000; // one amount mistyped
      rows[7]![3] = 45_000; // and another
    });
    // The Sum row keeps the project's figure, 900 000.
    cells[cells.length - 1]![3] = 900_000;
    const { findings } = reconcileSheet({ sheet: 'EPJ', cells }, { data });
    expect(serious(findings).map(brief)).toEqual(['D5 kontroll.avvik error', 'D10 kontroll.avvik error']);
    expect(findings.find((f) => f.cell === 'D5')).toMatchObject({ expected: '50 000 kr', actual: '55 000 kr' });
    // 55 000 + 45 000 still add up to 900 000: the Sum row agrees with the rows and is not reported at all.
    expect(findings.filter((f) => f.row === cells.length)).toEqual([]);
  });

  it('et prosjekt fra arbeidsbokens egen DH_Prosjekter, fordelt etter innbyggertall', () => {
    const prosjekter = tableFromValues('DH_Prosjekter', [
      ['Prosjekt', 'Kommune', 'Deltar', 'Kostnad', 'Fordeling'],
      ['Felles sak/arkiv', '', '', '300 000', 'innbyggere'],
      ['Felles sak/arkiv', 'Rana', 'Ja', '', ''],
      ['Felles sak/arkiv', 'Vefsn', 'Ja', '', ''],
      ['Felles sak/arkiv', 'Alstahaug', 'Ja', '', ''],
      ['Felles sak/arkiv', 'Hemnes', 'Nei', '', ''],
    ]);
    const r = datasetFromTables((name) => (name === 'DH_Prosjekter' ? prosjekter : undefined), HELGELAND_2026);
    if (!r.ok) throw new Error(r.error.message);
    const own = new DatasetContext(r.value.dataset);
    const pop = (name: string) => HELGELAND_2026.members.find((m) => m.name === name)!.population;
    const names = ['Rana', 'Vefsn', 'Alstahaug'];
    const parts = splitLargestRemainder(new Dec(300_000), names.map((n) => new Dec(pop(n))));
    const cells: CellValue[][] = [
      ['Felles sak/arkiv 2026'],
      ['Kommune', 'Innbyggere', 'Kostnad'],
      ...names.map((n, i) => [n, pop(n), Number(parts[i]!.toFixed(2))]),
      ['Hemnes', pop('Hemnes'), 12_000],
      ['Sum', null, 312_000],
    ];
    const { findings } = reconcileSheet({ sheet: 'Sak-arkiv', cells }, { data: own });
    expect(serious(findings).map(brief)).toEqual(['C6 kontroll.deltakelse error']);
    expect(findings.find((f) => f.cell === 'C6')!.message).toContain('Hemnes er belastet 12 000,00 kr, men deltar ikke i Felles sak/arkiv');
  });
});
