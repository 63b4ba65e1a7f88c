/**
 * Column inference (adopt, CLI): header row, roles, types, dropdown options; and the cell check.
 * `inferSheet`/`checkSheet` use the field-type registry; the lower-level functions take a lookup.
 */
export * from './infer';
export { inferSheet, checkSheet, inferWithHeader, NoHeaderError } from './registered';
export { headerKey, roleForHeader, ROLE_SYNONYMS } from './synonyms';
export { ORG_MARK, looksLikeCompanies } from './companies';
export { inferOptions, knownStage, optionKey, STAGE_VOCAB } from './options';
export { editDistance } from '../text/distance';
export { toSchema, toFields, fieldKey } from './schema';
export { inferWithPhoneRegion, phoneRegionOf } from './region';
