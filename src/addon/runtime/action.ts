/**
 * The one path of every user action, menu item and sidebar endpoint alike:
 * - the user's locale, for every message the action shows;
 * - the document lock, taken only around the change (`underDocumentLock`), so two ClientFlow actions
 *   never interleave their writes, and never held while a dialog waits for the user (a menu asks first,
 *   then changes under the lock; a sidebar endpoint asks nothing, so a changing endpoint runs whole
 *   under it: see serveChange in ./serve.ts);
 * - any error turned into a translated message (an alert for a menu, the envelope for an endpoint).
 * Ref: https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()
 * Ref: https://developers.google.com/apps-script/reference/lock/lock#tryLock(Integer)
 */
import { resolveLocale, t, type Locale, type MessageKey } from '../../core/i18n';
import { describeError, UserError } from './errors';

/** How long an action waits for another ClientFlow action to finish before it says "busy". */
export const LOCK_WAIT_MS = 10_000;

export function userLocale(): Locale {
  return resolveLocale(Session.getActiveUserLocale());
}

/**
 * Runs `change` under the document lock; throws UserError('error.busy') when it cannot be had in time,
 * and UserError('error.noDocumentLock') when Apps Script gives no document lock at all ("null if the
 * script is not container-bound or running as an add-on": a call from outside a document), rather than
 * changing the document unguarded.
 * Ref: https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()
 */
export function underDocumentLock<T>(change: () => T): T {
  const lock = LockService.getDocumentLock() as GoogleAppsScript.Lock.Lock | null;
  if (!lock) throw new UserError('error.noDocumentLock');
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new UserError('error.busy');
  try {
    return change();
  } finally {
    lock.releaseLock();
  }
}

/**
 * A menu entry point: `run` gets the user's locale; what it throws is shown in an alert titled
 * `titleKey`, translated. `run` takes the document lock itself, around its change only (after its
 * dialogs), with underDocumentLock.
 */
export function menuAction(titleKey: MessageKey, run: (locale: Locale) => void): () => void {
  return () => {
    let locale: Locale = 'en';
    try {
      locale = userLocale();
      run(locale);
    } catch (e) {
      const ui = SpreadsheetApp.getUi();
      ui.alert(t(locale, titleKey), describeError(e, locale).message, ui.ButtonSet.OK);
    }
  };
}
