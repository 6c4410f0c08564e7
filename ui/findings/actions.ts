// Findings shared by the Styremøte, Systemregister and Gevinst views: grouping, selecting, marking, DH_Funn.
import {
  formatNumber,
  sortFindings,
  type Finding,
  type OwnedTable,
  type Severity,
} from '../../core/index.js';
import { type ActionResult, success, failure, reasonOf } from '../result.js';
import type { CellMark, PanelHost } from '../host.js';

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: 'Feil', warning: 'Advarsel', info: 'Info' };
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface FindingGroup {
  readonly severity: Severity;
  readonly label: string;
  readonly findings: readonly Finding[];
}

/** Findings sorted and grouped Feil, Advarsel, Info (every group present, possibly empty). */
export function groupFindings(findings: readonly Finding[], alreadySorted = false): FindingGroup[] {
  const sorted = alreadySorted ? findings : sortFindings(findings);
  return SEVERITIES.map((severity) => ({ severity, label: SEVERITY_LABEL[severity], findings: sorted.filter((f) => f.severity === severity) }));
}

/** "Ark!A1" (quoted when the sheet name needs it), as data-cell and in messages. */
export function findingAddress(finding: Pick<Finding, 'sheet' | 'cell'>): string {
  return `${finding.sheet}!${finding.cell}`;
}

/** Clicking a finding: selects its cell so the user sees it. */
export async function selectFinding(host: PanelHost, finding: Pick<Finding, 'sheet' | 'cell'>): Promise<ActionResult<void>> {
  if (!finding.cell) return failure('Funnet peker ikke på en celle.');
  try {
    await host.selectCell(finding.sheet, finding.cell);
    return success(undefined, `Viser ${findingAddress(finding)}.`);
  } catch (error) {
    return failure(`Kunne ikke gå til ${findingAddress(finding)}: ${reasonOf(error)}.`);
  }
}

export function canHighlight(host: PanelHost): boolean {
  return typeof host.highlightCells === 'function';
}

/** «Marker celler»: paints each finding's cell in its severity colour (worst severity wins per cell). */
export async function highlightFindings(host: PanelHost, findings: readonly Finding[]): Promise<ActionResult<number>> {
  if (!host.highlightCells) return failure('Denne verten kan ikke markere celler.');
  const marks = new Map<string, CellMark>();
  for (const f of sortFindings(findings)) {
    if (!f.cell) continue;
    const key = findingAddress(f);
    if (!marks.has(key)) marks.set(key, { sheet: f.sheet, cell: f.cell, severity: f.severity });
  }
  try {
    await host.clearHighlights?.();
    await host.highlightCells([...marks.values()]);
    return success(marks.size, `Markerte ${formatNumber(marks.size)} ${marks.size === 1 ? 'celle' : 'celler'}.`);
  } catch (error) {
    return failure(`Kunne ikke markere cellene: ${reasonOf(error)}.`);
  }
}

export async function clearFindingHighlights(host: PanelHost): Promise<ActionResult<void>> {
  try {
    if (host.clearHighlights) await host.clearHighlights();
    else if (host.highlightCells) await host.highlightCells([]);
    return success(undefined, 'Markeringene er fjernet.');
  } catch (error) {
    return failure(`Kunne ikke fjerne markeringene: ${reasonOf(error)}.`);
  }
}

export const FUNN_HEADERS = ['Alvorlighet', 'Regel', 'Ark', 'Celle', 'Rad', 'Kolonne', 'Melding', 'Forventet', 'Faktisk'] as const;

/** DH_Funn: one row per finding, worst first, severities in Norwegian. */
export function findingsTable(findings: readonly Finding[]): OwnedTable {
  return {
    name: 'DH_Funn',
    headers: [...FUNN_HEADERS],
    rows: sortFindings(findings).map((f) => [SEVERITY_LABEL[f.severity], f.rule, f.sheet, f.cell, f.row, f.column, f.message, f.expected ?? '', f.actual ?? '']),
  };
}

/** «Skriv funn til DH_Funn»: replaces DH_Funn with these findings (an empty list clears old findings). */
export async function writeFindings(host: PanelHost, findings: readonly Finding[]): Promise<ActionResult<{ readonly table: string; readonly rows: number }>> {
  const table = findingsTable(findings);
  try {
    await host.writeOwnedTable(table);
  } catch (error) {
    return failure(`Kunne ikke skrive DH_Funn: ${reasonOf(error)}. Forrige versjon av DH_Funn er beholdt.`);
  }
  const n = table.rows.length;
  return success({ table: 'DH_Funn', rows: n }, n ? `Skrev ${formatNumber(n)} funn til DH_Funn.` : 'Ingen funn: DH_Funn er tømt.');
}
