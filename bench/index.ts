// `npm run bench`: one JSON line per benchmark, ratio = ours ÷ baseline measured in the same run.
// Machines here are noisy, so only ratios are reported; tests never assert wall-clock times.
import { runCliBench } from './cli.js';
import { runKostnadBench } from './kostnad.js';
import { runRegisterBench } from './register.js';
import { runSheetsCallsBench } from './sheets-calls.js';
import { runRelationsBench } from './relations.js';
import { runScalingBench } from './scaling.js';
import { runPaneBench } from './pane.js';

const results: object[] = [];
results.push(await runKostnadBench());
results.push(...(await runRegisterBench()));
results.push(...(await runSheetsCallsBench()));
results.push(...(await runRelationsBench()));
results.push(...runScalingBench());
results.push(...(await runCliBench()));
results.push(await runPaneBench());
for (const r of results) console.log(JSON.stringify(r));
