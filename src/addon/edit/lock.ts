/**
 * The document lock of one onEdit, taken once when something other executions race on first needs it
 * (the ID counter, the stage history's next row) and held until both are done: two edits at the same
 * moment (two people, two quick pastes) would otherwise hand out the same IDs or write their history
 * rows over each other below the same last row.
 *
 * LockService in a simple trigger: the lock service needs no authorization scope
 * (https://developers.google.com/apps-script/reference/lock/lock-service), and LIMITED mode allows the
 * services that need none (https://developers.google.com/apps-script/reference/script/auth-mode).
 * getDocumentLock returns null outside a containing document
 * (https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()); a lock
 * that cannot be had (null, refused, timed out) leaves the work to the pending records (./ids.ts,
 * ./history.ts). A lock still held when the script ends is released with it
 * (https://developers.google.com/apps-script/reference/lock/lock#releaseLock()).
 */

/** How long an edit waits for another execution's hold (a few service calls) before it defers. */
export const EDIT_LOCK_WAIT_MS = 5_000;

export function takeDocumentLock(waitMs = EDIT_LOCK_WAIT_MS): GoogleAppsScript.Lock.Lock | null {
  let lock: GoogleAppsScript.Lock.Lock | null;
  try {
    lock = LockService.getDocumentLock();
  } catch {
    return null;
  }
  if (!lock) return null;
  try {
    return lock.tryLock(waitMs) ? lock : null;
  } catch {
    return null;
  }
}

/** The edit's hold: `held` when the caller already holds the lock (the client form's save, under its
 * action's lock): nothing here takes or releases it then. */
export class EditLock {
  private lock: GoogleAppsScript.Lock.Lock | null = null;
  private state: 'unasked' | 'held' | 'refused' | 'released' = 'unasked';

  constructor(private readonly callerHolds: boolean) {}

  /** True while this execution holds the document lock; takes it on the first ask. */
  have(): boolean {
    if (this.callerHolds) return true;
    if (this.state === 'unasked') {
      this.lock = takeDocumentLock();
      this.state = this.lock ? 'held' : 'refused';
    }
    return this.state === 'held';
  }

  /** This execution held the lock at some point (others may have deferred work to it meanwhile). */
  get wasHeld(): boolean {
    return this.callerHolds || this.state === 'held' || this.state === 'released';
  }

  get callerHeld(): boolean {
    return this.callerHolds;
  }

  release(): void {
    if (this.state !== 'held') return;
    this.state = 'released';
    try {
      this.lock?.releaseLock();
    } catch {
      // Released with the script's end.
    }
  }
}
