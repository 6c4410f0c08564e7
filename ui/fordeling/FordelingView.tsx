// «Fordeling»: the year's allocation (kommunenr, kommune, innbyggere, fast, fordelt, totalt, andel) with
// Sum and Kontroll lines, the dataset choice, «Sett inn DH_Fordeling_<år>» and «Eksporter faste prosentandeler».
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { Button, Radio, RadioGroup, Switch } from '@fluentui/react-components';
import { BUDGET_GAP_CONVENTION } from '../../core/index.js';
import type { DatasetOrigin, LoadedDataset } from '../dataset/actions.js';
import { exportFrozenPercentages, fordelingView, insertFordeling, type FrozenPercentagesExport } from './actions.js';
import type { PanelHost } from '../host.js';
import { KeyFigureList, StatusLine, statusOf, useCommonStyles, YearSelect, type Status } from '../common.js';
import type { Dataset } from '../../core/index.js';

/** «Hent innbyggertall fra SSB»: only some users need it, so its code loads when the view first shows it. */
const PopulationImport = lazy(async () => {
  let ui: typeof import('../innbyggere/PopulationImport.js');
  let actions: typeof import('../innbyggere/actions.js');
  try {
    [ui, actions] = await Promise.all([import('../innbyggere/PopulationImport.js'), import('../innbyggere/actions.js')]);
  } catch (error) {
    // The rest of the view works without it: say so where it would have been.
    const text = `«Hent innbyggertall fra SSB» kunne ikke hentes: ${error instanceof Error ? error.message : String(error)}. Åpne panelet på nytt for å prøve igjen.`;
    return { default: () => <StatusLine status={{ intent: 'warning', text }} testId="ssb-import-failed" /> };
  }
  const Import = (p: { host: PanelHost; dataset: Dataset; year: number; today: string; basis?: string }) => (
    <ui.PopulationImport host={p.host} dataset={p.dataset} year={p.year} today={p.today} defaultPeriod={actions.periodOf(p.basis, p.year)} />
  );
  return { default: Import };
});

export interface FordelingViewProps {
  readonly host: PanelHost;
  readonly loaded: LoadedDataset;
  readonly builtinLabel: string;
  readonly datasetChoice: DatasetOrigin;
  readonly onDatasetChoice: (choice: DatasetOrigin) => void;
  readonly datasetStatus?: Status;
  readonly datasetBusy?: boolean;
  readonly year: number;
  readonly years: readonly number[];
  readonly onYear: (year: number) => void;
  /** ISO date used as «i dag» (DH_Endringer lines of an SSB import). */
  readonly today?: string;
}

export function FordelingView(props: FordelingViewProps): ReactNode {
  const { host, loaded, year } = props;
  const styles = useCommonStyles();
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  const [details, setDetails] = useState(false);
  const [exported, setExported] = useState<FrozenPercentagesExport>();
  const view = useMemo(() => fordelingView(loaded.dataset, year), [loaded.dataset, year]);
  const tableName = `DH_Fordeling_${year}`;

  const insert = async () => {
    setBusy(true);
    setStatus({ intent: 'info', text: `Skriver ${tableName} …` });
    const result = await insertFordeling(host, loaded.dataset, year);
    setStatus(statusOf(result));
    setBusy(false);
  };

  const exportPercentages = () => {
    const result = exportFrozenPercentages(loaded.dataset, year);
    setExported(result.ok ? result.value : undefined);
    setStatus(statusOf(result));
  };

  const copy = async () => {
    if (!exported) return;
    try {
      await navigator.clipboard.writeText(exported.csv);
      setStatus({ intent: 'success', text: 'Prosentandelene er kopiert til utklippstavlen.' });
    } catch {
      setStatus({ intent: 'warning', text: 'Kunne ikke kopiere automatisk: merk teksten og kopier den selv (Ctrl+C).' });
    }
  };

  return (
    <div className={styles.view} data-testid="view-fordeling">
      <RadioGroup
        aria-label="Datasett"
        value={props.datasetChoice}
        onChange={(_, data) => props.onDatasetChoice(data.value as DatasetOrigin)}
        disabled={props.datasetBusy}
      >
        <Radio value="builtin" label={props.builtinLabel} data-testid="dataset-builtin" />
        <Radio value="workbook" label="Arbeidsboken (DH_*-tabeller)" data-testid="dataset-workbook" />
      </RadioGroup>
      <StatusLine status={props.datasetStatus} testId="dataset-message" />
      <YearSelect id="fordeling-year" year={year} years={props.years} onYear={props.onYear} />
      {view.ok ? (
        <>
          <div className={styles.muted} data-testid="fordeling-key">
            {`${loaded.label}. Nøkkel ${year}: ${view.value.keyText}. Innbyggere ${view.value.populationBasis}.`}
          </div>
          <Switch checked={details} onChange={(_, data) => setDetails(data.checked)} label="Vis fast og fordelt del" data-testid="fordeling-details" />
          <KeyFigureList
            label={`Fordeling ${year}`}
            titleHeader="Kommune"
            figureHeader="Totalt"
            testId="fordeling-table"
            showMore={details}
            items={[
              ...view.value.rows.map((r) => ({
                key: r.kommunenr,
                title: r.kommune,
                figure: r.totalt,
                figureTestId: 'fordeling-total',
                detail: `${r.kommunenr} · ${r.innbyggere} innbyggere · ${r.andel}`,
                more: `Fast ${r.fast} + fordelt ${r.fordelt}`,
                attributes: { 'data-testid': 'fordeling-row', 'data-kommunenr': r.kommunenr },
              })),
              {
                key: 'sum',
                title: 'Sum',
                figure: view.value.sum,
                total: true,
                detail: `${view.value.sumInnbyggere} innbyggere · 100,00 %`,
                more: `Fast ${view.value.sumFast} + fordelt ${view.value.sumFordelt}`,
              },
            ]}
          />
          <div>
            <div data-testid="fordeling-sum" className={styles.strong}>
              {`Sum ${view.value.sum}`}
            </div>
            <div data-testid="fordeling-kontroll" className={view.value.kontrollOk ? styles.ok : styles.bad}>
              {`Kontroll ${view.value.kontroll}`}
            </div>
            {view.value.budget ? (
              <div data-testid="fordeling-budget" className={view.value.budget.ok ? styles.ok : styles.muted}>
                {view.value.budget.ok
                  ? `Dekker budsjettert sum ${view.value.budget.budgeted}`
                  : `Budsjettert sum ${view.value.budget.budgeted}, avvik ${view.value.budget.deviation}`}
              </div>
            ) : null}
            {view.value.budget && !view.value.budget.ok ? (
              <div className={styles.muted} data-testid="budget-gap-help">
                {BUDGET_GAP_CONVENTION}
              </div>
            ) : null}
          </div>
          <div className={styles.row}>
            <Button appearance="primary" onClick={insert} disabled={busy} data-testid="insert-fordeling">
              {`Sett inn ${tableName}`}
            </Button>
            <Button onClick={exportPercentages} disabled={busy} data-testid="export-percentages">
              Eksporter faste prosentandeler
            </Button>
          </div>
        </>
      ) : (
        <StatusLine status={{ intent: 'error', text: view.message }} testId="fordeling-error" />
      )}
      <StatusLine status={status} testId="fordeling-message" />
      {host.updateTableCells && props.today ? (
        <Suspense fallback={null}>
          <PopulationImport host={host} dataset={loaded.dataset} year={year} today={props.today} {...(view.ok ? { basis: view.value.populationBasis } : {})} />
        </Suspense>
      ) : null}
      {exported ? (
        <div className={styles.view} data-testid="export-result">
          <h3 className={styles.subheading}>{`Faste prosentandeler ${year}`}</h3>
          <textarea className={styles.textarea} readOnly value={exported.csv} data-testid="export-output" aria-label="Faste prosentandeler (CSV)" />
          <div className={styles.row}>
            <Button size="small" onClick={copy} data-testid="export-copy">
              Kopier
            </Button>
            <a href={`data:text/csv;charset=utf-8,${encodeURIComponent('\ufeff' + exported.csv)}`} download={exported.fileName} data-testid="export-download">
              Last ned CSV
            </a>
          </div>
        </div>
      ) : null}
    </div>
  );
}
