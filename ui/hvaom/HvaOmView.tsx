// «Hva om»: leave kommuner out, add one, change the key's figures, keep the key or the total — and see every
// kommune's payment today and in the scenario (differanse = scenario − i dag). DH_Scenario writes it to the sheet.
import { useMemo, useState, type ReactNode } from 'react';
import { Button, Field, Input, Select, Switch } from '@fluentui/react-components';
import { sortedMembers, type Dataset } from '../../core/index.js';
import type { PanelHost } from '../host.js';
import { KeyFigureList, StatusLine, statusOf, useCommonStyles, YearSelect, type Status } from '../common.js';
import { scenarioView, writeScenario, type ScenarioInput } from './actions.js';

export interface HvaOmViewProps {
  readonly host: PanelHost;
  readonly dataset: Dataset;
  readonly year: number;
  readonly years: readonly number[];
  readonly onYear: (year: number) => void;
  readonly today: string;
}

const EMPTY: ScenarioInput = { without: [], sameTotal: false };

export function HvaOmView({ host, dataset, year, years, onYear, today }: HvaOmViewProps): ReactNode {
  const styles = useCommonStyles();
  const [input, setInput] = useState<ScenarioInput>(EMPTY);
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  const members = useMemo(() => sortedMembers(dataset.members), [dataset]);
  const view = useMemo(() => scenarioView(dataset, year, input), [dataset, year, input]);
  const set = (patch: Partial<ScenarioInput>) => setInput((old) => ({ ...old, ...patch }));
  const names = new Map(members.map((m) => [m.kommunenr, m.name]));

  const write = async () => {
    if (!view.ok) return;
    setBusy(true);
    setStatus(statusOf(await writeScenario(host, view.value, today)));
    setBusy(false);
  };

  return (
    <div className={styles.view} data-testid="view-hvaom">
      <div className={styles.muted}>Hva skjer med hver kommunes bidrag om noen melder seg ut eller inn, eller styret endrer nøkkelen? Differanse = scenario − i dag.</div>
      <YearSelect id="hvaom-year" year={year} years={years} onYear={onYear} />
      <Field label="Melder seg ut">
        <Select
          data-testid="hvaom-uten"
          value=""
          onChange={(_, d) => d.value && !input.without.includes(d.value) && set({ without: [...input.without, d.value] })}
        >
          <option value="">Velg kommune …</option>
          {members.filter((m) => !input.without.includes(m.kommunenr)).map((m) => (
            <option key={m.kommunenr} value={m.kommunenr}>{m.name}</option>
          ))}
        </Select>
      </Field>
      {input.without.length ? (
        <div className={styles.row} data-testid="hvaom-uten-list">
          {input.without.map((nr) => (
            <Button key={nr} size="small" onClick={() => set({ without: input.without.filter((x) => x !== nr) })} aria-label={`Ta med ${names.get(nr)} igjen`}>
              {`${names.get(nr) ?? nr} ✕`}
            </Button>
          ))}
        </div>
      ) : null}
      <div className={styles.row}>
        <Field label="Ny kommune">
          <Input data-testid="hvaom-ny" value={input.addName ?? ''} onChange={(_, d) => set({ addName: d.value })} placeholder="f.eks. Bodø" size="small" />
        </Field>
        <Field label="Innbyggere">
          <Input data-testid="hvaom-ny-innbyggere" value={input.addPopulation ?? ''} onChange={(_, d) => set({ addPopulation: d.value })} inputMode="numeric" size="small" />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label="Fast beløp (kr)">
          <Input data-testid="hvaom-fast" value={input.fixedAmount ?? ''} onChange={(_, d) => set({ fixedAmount: d.value })} size="small" />
        </Field>
        <Field label="Sats pr innbygger (kr)">
          <Input data-testid="hvaom-sats" value={input.ratePerInhabitant ?? ''} onChange={(_, d) => set({ ratePerInhabitant: d.value })} size="small" />
        </Field>
        <Field label="Andel likt (%)">
          <Input data-testid="hvaom-andel" value={input.equalShare ?? ''} onChange={(_, d) => set({ equalShare: d.value })} size="small" />
        </Field>
      </div>
      <Switch data-testid="hvaom-samme-sum" checked={input.sameTotal} onChange={(_, d) => set({ sameTotal: d.checked })} label="Samme sum som i dag (skaler nøkkelen)" />
      {view.ok ? (
        <section className={styles.view} data-testid="hvaom-result" aria-label="Scenario">
          <div className={styles.muted} data-testid="hvaom-method">{view.value.method}</div>
          <KeyFigureList
            label="Scenario"
            titleHeader="Kommune"
            figureHeader="Scenario"
            testId="hvaom-table"
            items={[
              ...view.value.rows.map((r) => ({
                key: r.kommunenr,
                title: r.status ? `${r.kommune} (${r.status})` : r.kommune,
                figure: r.scenario,
                figureTestId: 'hvaom-scenario',
                detail: r.detail,
                attributes: { 'data-testid': 'hvaom-row', 'data-kommunenr': r.kommunenr },
              })),
              { key: 'sum', title: 'Sum', figure: view.value.sumScenario, total: true, figureTestId: 'hvaom-sum', detail: `i dag ${view.value.sumToday} · ${view.value.sumDifference}` },
            ]}
          />
          <div className={styles.row}>
            <Button appearance="primary" onClick={write} disabled={busy} data-testid="hvaom-write">
              Skriv DH_Scenario
            </Button>
            <Button onClick={() => setInput(EMPTY)} disabled={busy} data-testid="hvaom-reset">
              Nullstill
            </Button>
          </div>
        </section>
      ) : (
        <StatusLine status={{ intent: 'error', text: view.message }} testId="hvaom-error" />
      )}
      <StatusLine status={status} testId="hvaom-message" />
    </div>
  );
}
