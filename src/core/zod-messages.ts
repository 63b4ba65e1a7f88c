/**
 * zod/mini (the small build of zod that the schemas use, for the size of dist/Code.js) carries no
 * messages of its own: every issue would read "Invalid input". Loading zod's English messages, as
 * the full zod does, keeps the rare technical detail that reaches a message (an argument or a result
 * that does not fit its schema) exactly as it was. Imported for this effect by every schema module.
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());
