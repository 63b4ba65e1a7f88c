/**
 * Sidebar endpoints of "Adopt this sheet" (contract: src/core/api/adopt.ts). previewAdopt only reads;
 * applyAdopt writes under the document lock, like every ClientFlow action.
 */
import { previewAdopt as preview, applyAdopt as apply } from './adopt';
import { serve, userLocale, UserError } from '../runtime/serve';

function locked<T>(fn: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10_000)) throw new UserError('error.busy');
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}

export const previewAdopt = serve('previewAdopt', (mapping) => preview(userLocale(), mapping));

export const applyAdopt = serve('applyAdopt', (mapping) => locked(() => apply(userLocale(), mapping)));
