// Long passes over a sheet (finding tables, the relation finder, a register of a million rows) can be stopped by
// their caller: a CLI with a time limit, a task pane whose user pressed «Avbryt». Core knows no clock; the caller
// passes shouldStop() and core asks it now and then from its row loops.

/** Thrown when the caller's shouldStop() answered true: the work is abandoned and nothing is returned. */
export class StopRequested extends Error {
  constructor() {
    super('stopped by the caller');
    this.name = 'StopRequested';
  }
}

/** Called once per row (or per unit of work) in a long loop; throws StopRequested once the caller says stop. */
export type Tick = () => void;

/** A Tick that never stops: the default when the caller passes no shouldStop. */
export const NEVER_STOP: Tick = () => {};

/** A Tick that asks shouldStop() every `every` calls (it may read a clock, so not on every row). */
export function stopTick(shouldStop: (() => boolean) | undefined, every = 2048): Tick {
  if (shouldStop === undefined) return NEVER_STOP;
  let countdown = every;
  return () => {
    if (--countdown > 0) return;
    countdown = every;
    if (shouldStop()) throw new StopRequested();
  };
}
