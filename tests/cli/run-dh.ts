// `dh` run in the test's own process with its output captured, as the CLI tests call it: fast, and mocks and
// LIMITS set by a test apply. `today` is the run's date («i dag» in kontroll, the year refreshes look at).
import { run } from '../../cli/main.js';

export interface DhRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function dhOn(today: Date): (...argv: string[]) => Promise<DhRun> {
  return async (...argv) => {
    let stdout = '';
    let stderr = '';
    const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), now: () => today });
    return { code, stdout, stderr };
  };
}

/** `dh` on 15 January 2026, the date most CLI tests are written for. */
export const dh = dhOn(new Date(2026, 0, 15));
