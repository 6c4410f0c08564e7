// LockService and concurrent executions, for the Apps Script fake.
//
// Two google.script.run calls from the sidebar are two server executions that Apps Script may run at the same
// time ("google.script.run … calls are asynchronous … the calls may complete in any order", HTML Service:
// Communicate with Server Functions, https://developers.google.com/apps-script/guides/html/communication);
// a script that must not interleave takes a lock: "LockService … prevents concurrent access to sections of
// code … getDocumentLock() prevents any user of the current document from concurrently running a section of
// code" (Lock Service reference, https://developers.google.com/apps-script/reference/lock/lock-service).
//
// The fake cannot pre-empt synchronous JavaScript, so it interleaves at the points where a real execution
// would be overtaken: when a second call is waiting, it runs at the first execution's next spreadsheet write,
// unless the first execution holds the document lock — then it runs only after that lock is released, which
// is exactly the guarantee waitLock gives.
import { AppsScriptException } from './errors.js';

export class LockState {
  /** The execution (by number) that holds the document lock, if any. */
  holder: number | undefined;
  /** Executions waiting to interleave: run at the current execution's next write, or after its lock. */
  readonly waiting: (() => void)[] = [];
  /** The execution running now (nested executions push and pop). */
  readonly stack: number[] = [];
  private next = 1;
  /** Executions that ran inside another one (interleaved): tests assert this to show interleaving happened. */
  interleaved = 0;

  begin(): number {
    const id = this.next++;
    this.stack.push(id);
    return id;
  }

  end(id: number): void {
    if (this.holder === id) this.holder = undefined;
    this.stack.splice(this.stack.lastIndexOf(id), 1);
    this.drain();
  }

  get current(): number | undefined {
    return this.stack.at(-1);
  }

  /** A write by the current execution: a waiting execution overtakes it here unless the lock is held. */
  onWrite(): void {
    if (this.holder !== undefined) return;
    this.drain();
  }

  drain(): void {
    while (this.waiting.length && this.holder === undefined) {
      const run = this.waiting.shift()!;
      this.interleaved += this.stack.length > 0 ? 1 : 0;
      run();
    }
  }
}

/** The Lock object LockService.getDocumentLock() returns. */
export class FakeLock {
  private held = false;

  constructor(private readonly state: LockState) {}

  tryLock(_timeoutMs: number): boolean {
    const me = this.state.current;
    if (this.state.holder !== undefined && this.state.holder !== me) return false;
    this.state.holder = me;
    this.held = true;
    return true;
  }

  waitLock(timeoutMs: number): void {
    if (!this.tryLock(timeoutMs)) throw new AppsScriptException('Lock timeout: another process was holding the lock for too long.');
  }

  hasLock(): boolean {
    return this.held && this.state.holder === this.state.current;
  }

  releaseLock(): void {
    if (this.hasLock()) {
      this.state.holder = undefined;
      this.held = false;
      // Whoever waited for the lock runs now, before this execution goes on.
      this.state.drain();
    }
  }
}
