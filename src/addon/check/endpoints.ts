/** Sidebar endpoint of the check of every row (contract: src/core/api/setup.ts); the menu twin is ./menu.ts. */
import { userLocale } from '../runtime/action';
import { serveChange } from '../runtime/serve';
import { validateTable as validate } from './check';

export const validateTable = serveChange('validateTable', () => validate(userLocale()));
