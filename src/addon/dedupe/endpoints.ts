/** Sidebar endpoints of "Find duplicates" (contract: src/core/api/dedupe.ts); the menu twin is ./menu.ts. */
import { userLocale } from '../runtime/action';
import { serve, serveChange } from '../runtime/serve';
import { duplicatesReport, markNotDuplicates as mark } from './find';
import { mergeCluster } from './merge';

export const getDuplicates = serve('getDuplicates', () => duplicatesReport(userLocale()));
export const markNotDuplicates = serveChange('markNotDuplicates', (fingerprints) => mark(fingerprints, userLocale()));
export const mergeDuplicates = serveChange('mergeDuplicates', (fingerprints) => mergeCluster(fingerprints, userLocale()));
