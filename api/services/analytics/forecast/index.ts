// Forecasts: expected hires by date per open job (docs/metrics.md "Forecast").
import type { ReportDefinition } from '../report-types';
import { hiringForecastReport } from './hiring-forecast';

export const FORECAST_REPORTS: ReportDefinition[] = [hiringForecastReport];
