// «Gevinst»: inserts the gevinstrealiseringsplan template (DH_Gevinst) and computes net per year, NPV at the
// real rate (R-109, 4 %), payback, totals and per kommune, with the template's validation findings.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from '@fluentui/react-components';
import type { Finding } from '../../core/index.js';
import { selectFinding } from '../findings/actions.js';
import { evaluateGevinstTable, insertGevinstTemplate, type GevinstView as GevinstResult } from './actions.js';
import type { PanelHost } from '../host.js';
import { KeyFigureList, StatusLine, statusOf, useCommonStyles, type Status } from '../common.js';
import { FindingList } from '../findings/FindingList.js';

export interface GevinstViewProps {
  readonly host: PanelHost;
  readonly today: string;
  /** Changes when the workbook may have changed: a result on screen is computed again. */
  readonly revision?: number;
}

export function GevinstView({ host, today, revision = 0 }: GevinstViewProps): ReactNode {
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

  const shown = useRef(false);
  shown.current = result !== undefined;
  useEffect(() => {
    if (!shown.current) return;
    let cancelled = false;
    void evaluateGevinstTable(host, today).then((r) => {
      if (!cancelled && r.ok) setResult(r.value);
    });
    return () => {
      cancelled = true;
    };
  }, [host, today, revision]);

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
          <KeyFigureList
            label="Gevinster"
            titleHeader="Gevinst"
            figureHeader="Netto pr år"
            testId="gevinst-table"
            items={[
              ...result.rows.map((r) => ({
                key: String(r.row),
                title: r.name || `Rad ${r.row}`,
                figure: r.nettoPrAr,
                detail: `Rad ${r.row} · ${r.kommune || 'ingen kommune'} · ${r.ar} år · NNV (${result.rate}) ${r.nnv} · ${paybackWords(r.tilbakebetaling)}`,
                attributes: { 'data-testid': 'gevinst-row', 'data-row': r.row },
              })),
              { key: 'sum', title: 'Sum', figure: result.totalNetto, total: true, detail: `NNV (${result.rate}) ${result.totalNnv}`, attributes: { 'data-testid': 'gevinst-total' } },
            ]}
          />
          {result.perKommune.length ? (
            <section className={styles.view} aria-label="Pr kommune">
              <h3 className={styles.subheading}>Pr kommune</h3>
              <KeyFigureList
                label="Gevinst pr kommune"
                titleHeader="Kommune"
                figureHeader="Netto pr år"
                testId="gevinst-per-kommune"
                items={result.perKommune.map((p) => ({ key: p.kommune, title: p.kommune, figure: p.nettoPrAr, detail: `NNV (${result.rate}) ${p.nnv}` }))}
              />
            </section>
          ) : null}
          <FindingList findings={result.findings} onSelect={select} testId="gevinst-findings" />
        </section>
      ) : null}
    </div>
  );
}

/** «tilbakebetalt etter 2,5 år», «tilbakebetalt straks» (no investment) or «ikke tilbakebetalt innen levetiden». */
function paybackWords(years: string): string {
  if (years === 'ikke innen levetiden') return 'ikke tilbakebetalt innen levetiden';
  return years === '0' ? 'tilbakebetalt straks' : `tilbakebetalt etter ${years} år`;
}
