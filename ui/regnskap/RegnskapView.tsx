// «Kommunens regnskap»: pick a kommune, see what it pays, what it documentably gets back, and the net — each line
// with its source. DH_Balanse (all kommuner) is written by «Oppdater styretabeller».
import { useMemo, useState, type ReactNode } from 'react';
import { Select } from '@fluentui/react-components';
import { sortedMembers, type Dataset } from '../../core/index.js';
import { KeyFigureList, StatusLine, useCommonStyles, YearSelect } from '../common.js';
import { balanceView } from './actions.js';

export interface RegnskapViewProps {
  readonly dataset: Dataset;
  readonly year: number;
  readonly years: readonly number[];
  readonly onYear: (year: number) => void;
}

export function RegnskapView({ dataset, year, years, onYear }: RegnskapViewProps): ReactNode {
  const styles = useCommonStyles();
  const members = useMemo(() => sortedMembers(dataset.members), [dataset]);
  const [kommunenr, setKommunenr] = useState(members[0]?.kommunenr ?? '');
  const chosen = members.some((m) => m.kommunenr === kommunenr) ? kommunenr : members[0]?.kommunenr ?? '';
  const view = useMemo(() => balanceView(dataset, year, chosen), [dataset, year, chosen]);
  return (
    <div className={styles.view} data-testid="view-regnskap">
      <div className={styles.muted}>Hva kommunen betaler (nøkkel og prosjekter), hva den dokumentert får igjen, og netto. Hver linje sier hvor tallet står.</div>
      <div className={styles.row}>
        <label htmlFor="regnskap-kommune">Kommune</label>
        <Select id="regnskap-kommune" data-testid="regnskap-kommune" value={chosen} onChange={(_, d) => setKommunenr(d.value)}>
          {members.map((m) => (
            <option key={m.kommunenr} value={m.kommunenr}>{`${m.name} (${m.kommunenr})`}</option>
          ))}
        </Select>
      </div>
      <YearSelect id="regnskap-year" year={year} years={years} onYear={onYear} />
      {view.ok ? (
        <section className={styles.view} data-testid="regnskap-result" aria-label={`Regnskap for ${view.value.kommune}`}>
          <KeyFigureList
            label="Betaler"
            titleHeader="Betaler"
            figureHeader="Kr"
            testId="regnskap-pays"
            items={[
              ...view.value.pays.map((l, i) => ({ key: `p${i}`, title: l.label, figure: l.amount, detail: l.source, attributes: { 'data-testid': 'regnskap-line' } })),
              { key: 'sum', title: 'Betaler i alt', figure: view.value.totalPays, total: true },
            ]}
          />
          <KeyFigureList
            label="Får igjen"
            titleHeader="Får igjen"
            figureHeader="Kr"
            testId="regnskap-gets"
            items={[
              ...view.value.getsBack.map((l, i) => ({ key: `g${i}`, title: l.label, figure: l.amount, detail: l.source, attributes: { 'data-testid': 'regnskap-line' } })),
              { key: 'sum', title: 'Får igjen i alt', figure: view.value.totalGetsBack, total: true, detail: `Av dette frigjør ${view.value.budgetFreed} budsjett.` },
            ]}
          />
          <div className={styles.strong} data-testid="regnskap-net">
            <span data-key-figure="">{`Netto ${view.value.net}`}</span>
          </div>
          <div className={styles.muted}>{`${view.value.kommune} ${view.value.netText}. ${view.value.signText}`}</div>
          {view.value.notes.length ? (
            <ul className={styles.list} data-testid="regnskap-notes">
              {view.value.notes.map((n) => (
                <li key={n} className={styles.muted}>{n}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : (
        <StatusLine status={{ intent: 'error', text: view.message }} testId="regnskap-error" />
      )}
    </div>
  );
}
