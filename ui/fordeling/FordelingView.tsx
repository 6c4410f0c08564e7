// «Fordeling»: the year's allocation (kommunenr, kommune, innbyggere, fast, fordelt, totalt, andel) with
// Sum and Kontroll lines, the dataset choice, «Sett inn DH_Fordeling_<år>» and «Eksporter faste prosentandeler».
import { useMemo, useState, type ReactNode } from 'react';
import {
  Button,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { DatasetOrigin, LoadedDataset } from '../dataset/actions.js';
import { exportFrozenPercentages, fordelingView, insertFordeling, type FrozenPercentagesExport } from './actions.js';
import type { PanelHost } from '../host.js';
import { StatusLine, statusOf, useCommonStyles, YearSelect, type Status } from '../common.js';

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
}

export function FordelingView(props: FordelingViewProps): ReactNode {
  const { host, loaded, year } = props;
  const styles = useCommonStyles();
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
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
          <div className={styles.scroll}>
            <Table size="extra-small" className={styles.table} aria-label={`Fordeling ${year}`} data-testid="fordeling-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Kommunenr</TableHeaderCell>
                  <TableHeaderCell>Kommune</TableHeaderCell>
                  <TableHeaderCell className={styles.numeric}>Innbyggere</TableHeaderCell>
                  <TableHeaderCell className={styles.numeric}>Fast</TableHeaderCell>
                  <TableHeaderCell className={styles.numeric}>Fordelt</TableHeaderCell>
                  <TableHeaderCell className={styles.numeric}>Totalt</TableHeaderCell>
                  <TableHeaderCell className={styles.numeric}>Andel</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {view.value.rows.map((r) => (
                  <TableRow key={r.kommunenr} data-testid="fordeling-row" data-kommunenr={r.kommunenr}>
                    <TableCell>{r.kommunenr}</TableCell>
                    <TableCell>{r.kommune}</TableCell>
                    <TableCell className={styles.numeric}>{r.innbyggere}</TableCell>
                    <TableCell className={styles.numeric}>{r.fast}</TableCell>
                    <TableCell className={styles.numeric}>{r.fordelt}</TableCell>
                    <TableCell className={styles.numeric} data-testid="fordeling-total">
                      {r.totalt}
                    </TableCell>
                    <TableCell className={styles.numeric}>{r.andel}</TableCell>
                  </TableRow>
                ))}
                <TableRow className={styles.strong}>
                  <TableCell>Sum</TableCell>
                  <TableCell />
                  <TableCell className={styles.numeric}>{view.value.sumInnbyggere}</TableCell>
                  <TableCell className={styles.numeric}>{view.value.sumFast}</TableCell>
                  <TableCell className={styles.numeric}>{view.value.sumFordelt}</TableCell>
                  <TableCell className={styles.numeric}>{view.value.sum}</TableCell>
                  <TableCell className={styles.numeric}>100,00 %</TableCell>
                </TableRow>
              </TableBody>
            </Table>
          </div>
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
