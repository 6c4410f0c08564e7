// A sheet of a million rows is normal input for `dh kontroll`: nothing in the reconcile path may spread a row per
// argument (Math.max(...rows), push(...findings)), which overflows the call stack long before memory runs out.
import { describe, expect, it } from 'vitest';
import { registerRange } from '../../../core/reconcile/index.js';

const HEADER = ['Kommune', 'Kommunenr', 'System', 'Leverandør', 'Systemeier', 'Systemansvarlig', 'Status'];

describe('large sheets', () => {
  it('registerRange covers a register of 600 000 rows', () => {
    const cells: unknown[][] = [HEADER];
    for (let i = 0; i < 600_000; i++) cells.push(i === 599_998 ? ['Rana', '1833', 'Bredt', '', '', '', '', '', 'x'] : ['Rana', '1833', `System ${i}`]);
    const range = registerRange({ sheet: 'Register', cells: cells as never });
    expect(range).toEqual({ sheet: 'Register', top: 1, left: 1, bottom: 600_001, right: 9 });
  });
});
