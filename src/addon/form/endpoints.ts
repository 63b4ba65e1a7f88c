/** Sidebar endpoints of the client form (contract: src/core/api/form.ts). */
import { userLocale } from '../runtime/action';
import { serve, serveChange } from '../runtime/serve';
import { clientForm, saveClientForm as save } from './form';

export const getClientForm = serve('getClientForm', () => clientForm());
// The save changes the document: the whole of it (the row, its IDs, stamps, flags and history) runs
// under the document lock, so a concurrent action or edit never interleaves its writes.
export const saveClientForm = serveChange('saveClientForm', (row, values) => save(userLocale(), row, values));
