/** The field-type registry as the plans see it (src/core/fields). */
import { fieldType } from '../core/fields';
import type { TypeLookup } from '../core/plan/setup';

export const lookupType: TypeLookup = (id) => fieldType(id);
