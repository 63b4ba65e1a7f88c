/** Sidebar endpoints of the check of every row (contracts: src/core/api/setup.ts, check.ts); the menu twin is ./menu.ts. */
import { userLocale } from '../runtime/action';
import { serve, serveChange } from '../runtime/serve';
import { goToCell as goTo, validateTable as validate } from './check';

export const validateTable = serveChange('validateTable', () => validate(userLocale()));
export const getCheckPage = serve('getCheckPage', (page) => validate(userLocale(), page, false));
export const goToCell = serve('goToCell', (row, column) => goTo(row, column));
