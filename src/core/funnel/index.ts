/**
 * The funnel: who reached each stage, conversions, days in stage, values, win rate (compute.ts), from a
 * table and an optional stage history read from grids (extract.ts); trends and segments (segments.ts);
 * the layout of a live Funnel sheet as formulas (sheet.ts). Pure: the clock and the time zone are inputs.
 */
export * from './types';
export { computeFunnel, stageModel, recordFilter, biggestLeaks, NoStagesError, type StageModel } from './compute';
export { funnelTableFromGrid, funnelRecords, historyFromGrid, historyLayout, historyRows, HISTORY_HEAD_ROWS, stagesWithHistory, findStageColumn, serialOf, HISTORY_HEADERS, type FunnelTable, type FunnelColumns, type ColumnRef, type HistoryRead, type HistoryLayout, type HistoryColumn, type TableProblem } from './extract';
export { planFunnelSheet, equalsCriterion, type FunnelSheetInput, type FunnelSheetPlan, type PlannedCell, type ChartBlock } from './sheet';
export { newPerMonth, bySegment, type MonthCount, type SegmentRow } from './segments';
export { processMap, type ProcessMap, type ProcessMapInput, type ProcessMapRow } from './processmap';
export { layoutFunnelSheet, blocksOf, type FunnelLayout, type FunnelLayoutInput, type SheetBlock, type ChartSpec, type FilterCell } from './layout';
export * from './workbook';
