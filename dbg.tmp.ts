import { checkSheet, relationSentence } from './core/relations/index.js';
import { probes } from './tests/core/relations/probes.js';
for (const name of ['grunnavgift + sats pr innbygger']) {
  const p = probes().find((x) => x.name === name)!;
  const grid = p.grid.map((r) => [...r]);
  for (const pl of p.plants) { const m = /^([A-Z])(\d+)$/.exec(pl.cell)!; grid[Number(m[2]) - 1]![m[1]!.charCodeAt(0) - 65] = pl.value; }
  const r = checkSheet({ sheet: 'P', cells: grid });
  for (const b of r.blocks) { console.log(b.block.rows, b.block.headers, b.relations.map((v) => relationSentence(b.block, v.relation) + ` ${v.hits}/${v.rows}`), b.sums.map(s=>[s.row,s.parts,s.matching,s.present])); }
  for (const f of r.findings) console.log(f.cell, f.message);
}
