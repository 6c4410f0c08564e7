// «Systemregister»: checks the active sheet or DH_Register (SPEC §5), findings grouped by severity and
// clickable, «Marker celler», «Skriv funn til DH_Funn», and the «Felles systemer» report.
import { useState, type ReactNode } from 'react';
import { Button, Checkbox, ProgressBar, Radio, RadioGroup } from '@fluentui/react-components';
import { formatDate, formatNumber, type Finding } from '../../core/index.js';
import type { LoadedDataset } from '../dataset/actions.js';
import { canHighlight, clearFindingHighlights, highlightFindings, selectFinding, writeFindings } from '../findings/actions.js';
import { CHECK_CANCELLED, checkRegisterOnSheet, type RegisterCheckOutcome, type RegisterSource } from './actions.js';
import type { StartWorker } from '../worker/client.js';
import type { PanelHost } from '../host.js';
import { KeyFigureList, StatusLine, statusOf, useCommonStyles, type Status } from '../common.js';
import { FindingList, SeverityBadges } from '../findings/FindingList.js';

/** «Felles systemer» rows shown before «Vis alle»: a 100 000-row register has thousands, and rendering them all at
 *  once would freeze the panel for most of a second. */
export const COMMON_SHOWN = 50;

export interface RegisterViewProps {
  readonly host: PanelHost;
  readonly loaded: LoadedDataset;
  readonly today: string;
  /** The host's panel worker, so a big register is checked off the panel's thread (else in slices on it). */
  readonly startWorker?: StartWorker;
}

export function RegisterView({ host, loaded, today, startWorker }: RegisterViewProps): ReactNode {
  const styles = useCommonStyles();
  const [source, setSource] = useState<RegisterSource>('active');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState(0);
  const [status, setStatus] = useState<Status>();
  const [outcome, setOutcome] = useState<RegisterCheckOutcome>();
  const [mark, setMark] = useState(false);
  const highlight = canHighlight(host);
  const [running, setRunning] = useState<AbortController>();
  const [allCommon, setAllCommon] = useState(false);

  const check = async () => {
    setBusy(true);
    setProgress(0);
    setAllCommon(false);
    setStatus({ intent: 'info', text: source === 'active' ? 'Kontrollerer det aktive arket …' : 'Kontrollerer DH_Register …' });
    const controller = new AbortController();
    setRunning(controller);
    // Only whole-percent steps reach React: each is a repaint, and a big register reports far more often.
    const onProgress = (f: number) => setProgress((shown) => (Math.floor(f * 100) === Math.floor(shown * 100) ? shown : f));
    const result = await checkRegisterOnSheet(host, source, today, onProgress, loaded.dataset, {
      signal: controller.signal,
      ...(startWorker ? { startWorker } : {}),
    });
    setRunning(undefined);
    setOutcome(result.ok ? result.value : undefined);
    setStatus(!result.ok && result.message === CHECK_CANCELLED ? { intent: 'info', text: result.message } : statusOf(result, result.ok && result.value.counts.error ? 'warning' : 'success'));
    if (result.ok && mark) {
      const marked = await highlightFindings(host, result.value.findings);
      if (!marked.ok) setStatus(statusOf(marked));
    }
    setBusy(false);
  };

  const toggleMark = async (on: boolean) => {
    setMark(on);
    if (!outcome) return;
    const result = on ? await highlightFindings(host, outcome.findings) : await clearFindingHighlights(host);
    setStatus(statusOf(result, 'info'));
  };

  const write = async () => {
    if (!outcome) return;
    setBusy(true);
    setStatus(statusOf(await writeFindings(host, outcome.findings)));
    setBusy(false);
  };

  const select = async (finding: Finding) => {
    const result = await selectFinding(host, finding);
    if (!result.ok) setStatus(statusOf(result));
  };

  return (
    <div className={styles.view} data-testid="view-register">
      <RadioGroup aria-label="Register" value={source} onChange={(_, data) => setSource(data.value as RegisterSource)} disabled={busy}>
        <Radio value="active" label="Aktivt ark" data-testid="register-source-active" />
        <Radio value="DH_Register" label="Tabellen DH_Register" data-testid="register-source-table" />
      </RadioGroup>
      <div className={styles.row}>
        <Button appearance="primary" onClick={check} disabled={busy} data-testid="check-button">
          Kontroller
        </Button>
        {highlight ? (
          <Checkbox checked={mark} onChange={(_, data) => void toggleMark(data.checked === true)} label="Marker celler" data-testid="highlight-checkbox" />
        ) : null}
      </div>
      {running ? (
        <div className={styles.row} data-testid="check-running">
          <span role="status" data-testid="check-progress-text">{`Kontrollerer … ${Math.floor(progress * 100)} %`}</span>
          <Button onClick={() => running.abort()} data-testid="check-cancel">
            Avbryt
          </Button>
        </div>
      ) : null}
      {busy ? <ProgressBar value={progress} max={1} data-testid="check-progress" aria-label="Framdrift" /> : null}
      <StatusLine status={status} testId="register-message" />
      {outcome ? (
        <section className={styles.view} aria-label="Funn" data-testid="register-result">
          <div className={styles.muted}>{`${outcome.sheet}: ${formatNumber(outcome.rows)} rader kontrollert, dato ${formatDate(today)}.`}</div>
          <SeverityBadges counts={outcome.counts} />
          <div className={styles.row}>
            <Button onClick={write} disabled={busy} data-testid="write-findings">
              Skriv funn til DH_Funn
            </Button>
          </div>
          <FindingList findings={outcome.findings} onSelect={select} testId="register-findings" />
          {outcome.common ? (
            <section className={styles.view} aria-label="Felles systemer">
              <h3 className={styles.subheading}>Felles systemer</h3>
              {outcome.common.length ? (
                <KeyFigureList
                  label="Felles systemer"
                  titleHeader="System"
                  figureHeader="Kommuner"
                  testId="common-systems"
                  items={(allCommon ? outcome.common : outcome.common.slice(0, COMMON_SHOWN)).map((c, i) => ({
                    key: `${c.system}|${c.supplier}|${i}`,
                    title: c.supplier ? `${c.system} (${c.supplier})` : c.system,
                    figure: formatNumber(c.kommuneCount),
                    detail: `${c.kommuner} · ${c.monthlyCost} pr mnd`,
                    attributes: { 'data-testid': 'common-system-row' },
                  }))}
                />
              ) : null}
              {outcome.common.length > COMMON_SHOWN && !allCommon ? (
                <div className={styles.row}>
                  <Button size="small" appearance="subtle" onClick={() => setAllCommon(true)} data-testid="show-all-common">
                    {`Viser ${formatNumber(COMMON_SHOWN)} av ${formatNumber(outcome.common.length)}. Vis alle`}
                  </Button>
                </div>
              ) : null}
              {outcome.common.length ? null : (
                <div className={styles.muted} data-testid="common-systems-none">
                  Ingen systemer er registrert i mer enn én kommune.
                </div>
              )}
            </section>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
