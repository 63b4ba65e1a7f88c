/** Sidebar endpoints of "Find duplicates" (contract: src/core/api/dedupe.ts); the menu twin is ./menu.ts. */
import { userLocale } from '../runtime/action';
import { serve, serveChange } from '../runtime/serve';
import { duplicatesReport, markNotDuplicates as mark, removeFromGroup as remove } from './find';
import { mergeCluster, mergeGroups as merge } from './merge';

export const getDuplicates = serve('getDuplicates', () => duplicatesReport(userLocale()));
export const markNotDuplicates = serveChange('markNotDuplicates', (fingerprints) => mark(fingerprints, userLocale()));
export const mergeDuplicates = serveChange('mergeDuplicates', (fingerprints, opts) => mergeCluster(fingerprints, opts ?? {}, userLocale()));
export const mergeGroups = serveChange('mergeGroups', (groups, opts) => merge(groups, opts ?? {}, userLocale()));
export const removeFromGroup = serveChange('removeFromGroup', (fingerprint, others) => remove(fingerprint, others, userLocale()));
