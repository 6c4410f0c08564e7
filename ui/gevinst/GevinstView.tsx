// «Gevinst»: inserts the gevinstrealiseringsplan template (DH_Gevinst) and computes net per year, NPV at the
// real rate (R-109, 4 %), payback, totals and per kommune, with the template's validation findings.
import { useState, type ReactNode } from 'react';
import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { Finding } from '../../core/index.js';
import { selectFinding } from '../findings/actions.js';
import { evaluateGevinstTable, insertGevinstTemplate, type GevinstView as GevinstResult } from './actions.js';
import type { PanelHost } from '../host.js';
import { StatusLine, statusOf, useCommonStyles, type Status } from '../common.js';
import { FindingList } from '../findings/FindingList.js';

export interface GevinstViewProps {
  readonly host: PanelHost;
  readonly today: string;
}

export function GevinstView({ host, today }: GevinstViewProps): ReactNode {
  const styles = useCommonStyles();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>();
  const [result, setResult] = useState<GevinstResult>();

  const insert = async () => {
    setBusy(true);
    const r = await insertGevinstTemplate(host);
    setStatus(statusOf(r, r.ok && r.value === 'exists' ? 'info' : 'success'));
    setBusy(false);
  };

  const compute = async () => {
    setBusy(true);
    const r = await evaluateGevinstTable(host, today);
    setResult(r.ok ? r.value : undefined);
    setStatus(statusOf(r, r.ok && r.value.groups[0]!.findings.length ? 'warning' : 'success'));
    setBusy(false);
  };

  const select = async (finding: Finding) => {
    const r = await selectFinding(host, finding);
    if (!r.ok) setStatus(statusOf(r));
  };

  return (
    <div className={styles.view} data-testid="view-gevinst">
      <div className={styles.muted}>
        Gevinstrealiseringsplan: fyll inn DH_Gevinst (én rad pr gevinst og kommune). Netto = årlig gevinst − årlig kostnad; positiv netto er en gevinst.
      </div>
      <div className={styles.row}>
        <Button onClick={insert} disabled={busy} data-testid="gevinst-insert">
          Sett inn mal (DH_Gevinst)
        </Button>
        <Button appearance="primary" onClick={compute} disabled={busy} data-testid="gevinst-compute">
          Beregn
        </Button>
      </div>
      <StatusLine status={status} testId="gevinst-message" />
      {result ? (
        <section className={styles.view} aria-label="Resultat" data-testid="gevinst-result">
          <div className={styles.scroll}>
            <Table size="extra-small" className={styles.table} aria-label="Gevinster" data-testid="gevinst-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Rad</TableHeaderCell>
                  <TableHeaderCell>Gevinst</TableHeaderCell>
                  <TableHeaderCell>Kommune</TableHeaderCell>
                  <TableHeaderCell className={styles.numeric}>Netto pr år</TableHeaderCell>
                  <TableHeaderCell className={styles.numeric}>År</TableHeaderCell>
                  <TableHeaderCell className={styles.numeric}>{`NNV (${result.rate})`}</TableHeaderCell>
                  <TableHeaderCell className={styles.numeric}>Tilbakebetaling (år)</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.rows.map((r) => (
                  <TableRow key={r.row} data-testid="gevinst-row" data-row={r.row}>
                    <TableCell>{r.row}</TableCell>
                    <TableCell>{r.name}</TableCell>
                    <TableCell>{r.kommune}</TableCell>
                    <TableCell className={styles.numeric}>{r.nettoPrAr}</TableCell>
                    <TableCell className={styles.numeric}>{r.ar}</TableCell>
                    <TableCell className={styles.numeric}>{r.nnv}</TableCell>
                    <TableCell className={styles.numeric}>{r.tilbakebetaling}</TableCell>
                  </TableRow>
                ))}
                <TableRow className={styles.strong} data-testid="gevinst-total">
                  <TableCell />
                  <TableCell>Sum</TableCell>
                  <TableCell />
                  <TableCell className={styles.numeric}>{result.totalNetto}</TableCell>
                  <TableCell />
                  <TableCell className={styles.numeric}>{result.totalNnv}</TableCell>
                  <TableCell />
                </TableRow>
              </TableBody>
            </Table>
          </div>
          {result.perKommune.length ? (
            <section className={styles.view} aria-label="Pr kommune">
              <h3 className={styles.subheading}>Pr kommune</h3>
              <div className={styles.scroll}>
                <Table size="extra-small" className={styles.table} aria-label="Gevinst pr kommune" data-testid="gevinst-per-kommune">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>Kommune</TableHeaderCell>
                      <TableHeaderCell className={styles.numeric}>Netto pr år</TableHeaderCell>
                      <TableHeaderCell className={styles.numeric}>{`NNV (${result.rate})`}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {result.perKommune.map((p) => (
                      <TableRow key={p.kommune}>
                        <TableCell>{p.kommune}</TableCell>
                        <TableCell className={styles.numeric}>{p.nettoPrAr}</TableCell>
                        <TableCell className={styles.numeric}>{p.nnv}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            </section>
          ) : null}
          <FindingList findings={result.findings} onSelect={select} testId="gevinst-findings" />
        </section>
      ) : null}
    </div>
  );
}
