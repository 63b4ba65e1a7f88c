/**
 * Options with variants: what dropdown values mean (vocab), which option a raw value is (resolve), and
 * the editing operations of the options panel (edit).
 */
export * from './vocab';
export * from './resolve';
export * from './edit';
