/** Sidebar endpoints of the client form (contract: src/core/api/form.ts). */
import { userLocale } from '../runtime/action';
import { serve } from '../runtime/serve';
import { clientForm, saveClientForm as save } from './form';

export const getClientForm = serve('getClientForm', () => clientForm());
// Not under serveChange's lock: the onEdit path it runs takes the document lock itself where it needs it.
export const saveClientForm = serve('saveClientForm', (row, values) => save(userLocale(), row, values));
