// The public API of @switchboard/core/metrics: the KPI engine. Named exports only.

export { createKpiEngine, surveyResultSchema } from './kpiEngine';
export type { KpiEngine, KpiEventSource, SurveyResult } from './kpiEngine';
export { customerKeyOf, kpiEngineOptionsSchema } from './kpiOptions';
export type { KpiEngineOptions } from './kpiOptions';
export { kpiReportQuerySchema } from './kpiReport';
export type { KpiGroupBy, KpiReport, KpiReportQuery, KpiRow } from './kpiReport';
export type { LiveKpis } from './liveKpis';
export { sumCounts } from './kpiCounts';
export type { KpiCounts } from './kpiCounts';
export { computeKpis } from './kpiFigures';
export type { KpiFigures } from './kpiFigures';
