// The panel renders in Node (no DOM): server-render it and check the Norwegian text, the nb-NO figures and
// the data-testid hooks the browser e2e test relies on. Interaction is covered through ui/<job>/actions.ts.
// Views other than the first load on demand (React.lazy): the first view renders synchronously, the others
// through prerender, which waits for every Suspense boundary like a browser waits for the view's chunk.
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { prerenderToNodeStream } from 'react-dom/static';
import { describe, expect, it } from 'vitest';
import { PanelApp, todayIso, type PanelTab } from '../../ui/Panel.js';
import { MemoryHost } from '../fakes/memory-host.js';

function render(tab: PanelTab = 'fordeling', host = new MemoryHost()): string {
  return renderToString(<PanelApp host={host} today="2026-03-01" initialTab={tab} />);
}

async function renderLoaded(tab: PanelTab, host = new MemoryHost()): Promise<string> {
  const element: ReactNode = <PanelApp host={host} today="2026-03-01" initialTab={tab} />;
  const { prelude } = await prerenderToNodeStream(element);
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

/** Text content without tags, entities decoded, spaces normalised. */
function text(html: string): string {
  return html
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');
}

describe('Panel (server-rendered)', () => {
  it('opens on Fordeling 2026 with the four tabs and the embedded dataset', () => {
    const html = render();
    for (const id of ['tab-fordeling', 'tab-styremote', 'tab-register', 'tab-gevinst', 'view-fordeling', 'fordeling-table', 'fordeling-sum', 'fordeling-kontroll', 'insert-fordeling', 'export-percentages', 'year-select', 'dataset-builtin', 'dataset-workbook']) {
      expect(html, id).toContain(`data-testid="${id}"`);
    }
    const t = text(html);
    for (const label of ['Fordeling', 'Styremøte', 'Systemregister', 'Gevinst', 'Innebygd: Digitale Helgeland 2026', 'Arbeidsboken (DH_*-tabeller)', 'Sett inn DH_Fordeling_2026', 'Eksporter faste prosentandeler']) {
      expect(t, label).toContain(label);
    }
    expect(t).toContain('752 197,48 kr');
    expect(t).toContain('Kontroll 0,00 kr');
    expect(html.match(/data-testid="fordeling-row"/g)).toHaveLength(19);
    expect(html).toContain('data-kommunenr="1833"');
    expect(html).toMatch(/<option[^>]*value="2026"[^>]*selected/);
  });

  it('views other than the first are not in the first render: they show «Laster …» until their code is fetched', () => {
    for (const tab of ['styremote', 'register', 'gevinst'] as const) {
      const html = render(tab);
      expect(html, tab).toContain('data-testid="view-loading"');
      expect(html, tab).not.toContain(`data-testid="view-${tab}"`);
    }
    expect(render('fordeling')).not.toContain('data-testid="view-loading"');
  });

  it('renders the other tabs with their buttons', async () => {
    const styremote = await renderLoaded('styremote');
    expect(styremote).toContain('data-testid="refresh-button"');
    expect(text(styremote)).toContain('Oppdater alle tabeller');
    expect(styremote).toContain('data-testid="reconcile-findings"');
    expect(styremote).toMatch(/data-testid="finding-item"[^>]*data-cell="DH_Fordeling_2026!F21"/);

    const register = await renderLoaded('register');
    for (const id of ['check-button', 'register-source-active', 'register-source-table', 'highlight-checkbox']) expect(register, id).toContain(`data-testid="${id}"`);
    expect(text(register)).toContain('Kontroller');
    expect(text(register)).toContain('Marker celler');
    expect(await renderLoaded('register', new MemoryHost({ highlight: false }))).not.toContain('highlight-checkbox');

    const gevinst = await renderLoaded('gevinst');
    expect(gevinst).toContain('data-testid="gevinst-insert"');
    expect(gevinst).toContain('data-testid="gevinst-compute"');
    expect(text(gevinst)).toContain('Sett inn mal (DH_Gevinst)');
    expect(text(gevinst)).toContain('Beregn');
  });

  it('a host without change events (the Sheets sidebar) gets a visible «Oppdater»; one with them does not', () => {
    const sheetsLike = render('fordeling', new MemoryHost());
    expect(sheetsLike).toContain('data-testid="panel-reload"');
    expect(text(sheetsLike)).toContain('Oppdater');
    const watching = Object.assign(new MemoryHost(), { onInputsChanged: () => () => undefined });
    expect(render('fordeling', watching)).not.toContain('data-testid="panel-reload"');
  });

  it('todayIso gives a local ISO date', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
