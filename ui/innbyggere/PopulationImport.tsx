// «Hent innbyggertall fra SSB» under the Fordeling table: choose the period, fetch, compare old and new with the
// effect on each contribution, and only then «Skriv til DH_Kommuner». The Fordeling view loads it on demand
// (React.lazy), so its code is not part of the task pane's first load.
import { useState, type ReactNode } from 'react';
import { Button, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { Dataset } from '../../core/index.js';
import { StatusLine, statusOf, useCommonStyles, type Status } from '../common.js';
import type { PanelHost } from '../host.js';
import { applyPopulation, defaultSsbSettings, fetchPopulation, populationPreview, type FetchedPopulation, type PopulationRowView, type SsbSettings } from './actions.js';

export interface PopulationImportProps {
  readonly host: PanelHost;
  readonly dataset: Dataset;
  readonly year: number;
  readonly today: string;
  /** The quarter the key uses as default («2. kv. 2025» → 2025K2). */
  readonly defaultPeriod: string;
  readonly settings?: SsbSettings;
}

/** The comparison table scrolls inside the pane at 300 px instead of widening it. */
const useStyles = makeStyles({
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: { tableLayout: 'auto', width: 'max-content', minWidth: '100%' },
  numeric: { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
});

export function PopulationImport(props: PopulationImportProps): ReactNode {
  const styles = { ...useCommonStyles(), ...useStyles() };
  const [period, setPeriod] = useState(props.defaultPeriod);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>();
  const [fetched, setFetched] = useState<FetchedPopulation>();
  const [rows, setRows] = useState<PopulationRowView[]>();

  const fetchNow = async () => {
    setBusy(true);
    setRows(undefined);
    setFetched(undefined);
    setStatus({ intent: 'info', text: `Henter innbyggertall for ${period} fra SSB …` });
    const result = await fetchPopulation(props.dataset, period, props.settings ?? defaultSsbSettings());
    if (result.ok) {
      const preview = populationPreview(props.dataset, props.year, result.value);
      if (preview.ok) {
        setFetched(result.value);
        setRows(preview.value.rows);
        setStatus({ intent: 'info', text: `${result.message} ${preview.message}${preview.value.note ? ` ${preview.value.note}` : ''} Se over tallene og trykk «Skriv til DH_Kommuner».` });
      } else setStatus(statusOf(preview));
    } else setStatus(statusOf(result));
    setBusy(false);
  };

  const write = async () => {
    if (!fetched) return;
    setBusy(true);
    const result = await applyPopulation(props.host, props.dataset, fetched, props.today);
    setStatus(statusOf(result));
    if (result.ok) {
      setFetched(undefined);
      setRows(undefined);
    }
    setBusy(false);
  };

  return (
    <section className={styles.view} data-testid="ssb-import" aria-label="Innbyggertall fra SSB">
      <h3 className={styles.subheading}>Hent innbyggertall fra SSB</h3>
      <div className={styles.row}>
        {/* Native label and input: Fluent's Input would add kilobytes to a pane that must stay under its budget. */}
        <label htmlFor="ssb-period">Periode</label>
        <input id="ssb-period" className={styles.periodInput} value={period} onChange={(e) => setPeriod(e.target.value)} data-testid="ssb-period" inputMode="text" autoComplete="off" />
        <Button size="small" onClick={fetchNow} disabled={busy} data-testid="ssb-fetch">
          Hent fra SSB
        </Button>
      </div>
      <div className={styles.muted}>Kvartal (2025K2: ved utgangen av kvartalet) eller år (2026: per 1. januar).</div>
      {rows ? (
        <>
          <div className={styles.scroll}>
            <Table size="extra-small" className={styles.table} aria-label="Gamle og nye innbyggertall" data-testid="ssb-preview">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Kommune</TableHeaderCell>
                  <TableHeaderCell className={styles.numeric}>Nå</TableHeaderCell>
                  <TableHeaderCell className={styles.numeric}>SSB</TableHeaderCell>
                  <TableHeaderCell className={styles.numeric}>Endring</TableHeaderCell>
                  <TableHeaderCell className={styles.numeric}>{`Bidrag ${props.year}`}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.kommunenr} data-testid="ssb-row" data-kommunenr={r.kommunenr} className={r.changed ? styles.strong : undefined}>
                    <TableCell>{r.kommune}</TableCell>
                    <TableCell className={styles.numeric}>{r.before}</TableCell>
                    <TableCell className={styles.numeric}>{r.after}</TableCell>
                    <TableCell className={styles.numeric}>{r.change}</TableCell>
                    <TableCell className={styles.numeric} data-testid="ssb-cost-change">{r.costChange ?? '–'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <div className={styles.row}>
            <Button appearance="primary" size="small" onClick={write} disabled={busy} data-testid="ssb-write">
              Skriv til DH_Kommuner
            </Button>
            <Button size="small" onClick={() => { setRows(undefined); setFetched(undefined); setStatus({ intent: 'info', text: 'Avbrutt; ingenting er endret.' }); }} disabled={busy} data-testid="ssb-cancel">
              Avbryt
            </Button>
          </div>
        </>
      ) : null}
      <StatusLine status={status} testId="ssb-message" />
    </section>
  );
}
