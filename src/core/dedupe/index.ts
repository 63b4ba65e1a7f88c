/**
 * Finding duplicate clients (pure): see ./engine.ts for the method. The add-on's "Find duplicates" and
 * the CLI's `dedupe` call `findDuplicates` with the same defaults.
 */
export { findDuplicates, THRESHOLD, SURE, LOW } from './engine';
export type { DedupeInput, DedupeResult, Cluster, PairEvidence, FieldEvidence, FieldReport } from './engine';
export type { Kind, LevelName } from './fields';
