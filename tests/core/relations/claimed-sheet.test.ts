// A sheet whose figures all lie in ranges a known kind read (a system register) is not searched by the relation
// finder; one figure outside them and the sheet is searched as before.
import { describe, expect, it } from 'vitest';
import { checkWorkbookRelations } from '../../../core/relations/index.js';
import type { CellValue } from '../../../core/util/cells.js';

function grid(extra?: CellValue[]) {
  const cells: CellValue[][] = [['Systemoversikt'], ['Kommune', 'Kommunenr', 'System', 'Brukere', 'Kostnad']];
  for (let i = 0; i < 50; i++) cells.push(['Rana', '1833', `System ${i}`, 10 + i, 1000 + 10 * i]);
  if (extra) cells.push([], extra);
  return { sheet: 'Register', cells };
}
const claimed = [{ sheet: 'Register', top: 2, left: 1, bottom: 52, right: 5 }];

describe('relation finder and claimed sheets', () => {
  it('does not search a sheet whose figures are all claimed', () => {
    expect(checkWorkbookRelations([grid()], claimed).blocks).toEqual([]);
    // Text without digits outside the ranges (a title, a note) changes nothing.
    expect(checkWorkbookRelations([grid(['Merknad', 'se vedlegg'])], claimed).blocks).toEqual([]);
  });

  it('searches it as before when a figure lies outside', () => {
    const outside = checkWorkbookRelations([grid(['Sum', null, null, 1725, 62250])], claimed);
    expect(outside.blocks.length).toBeGreaterThan(0);
    const unclaimed = checkWorkbookRelations([grid()], []);
    expect(unclaimed.blocks.map((b) => b.status)).not.toContain('known');
    expect(unclaimed.blocks.length).toBeGreaterThan(0);
  });
});
