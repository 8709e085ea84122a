/**
 * SPP Calibration (Calibration = Auto): the rolling-origin backtests behind the calibration, per
 * window and demand class — promised against achieved without and with the class's calibration map
 * (src/engine/calibration.ts, docs/methods.md §6.1) — and the maps themselves as a JSON section.
 */
import type { CalibrationCell } from '../engine/calibration';
import type { ResultTableSpec } from './result-spec';
import type { ResultContext } from './results-contract';

export const CALIBRATION_TABLE: ResultTableSpec<ResultContext, CalibrationCell> = {
  id: 'calibration',
  sheet: 'SPP Calibration',
  tableName: 'SppCalibration',
  json: { key: 'calibrationWindows', built: true },
  summary: 'Calibration = Auto: promised vs achieved fill rate per backtest window and demand class, without and with the fitted calibration map',
  title: () => 'Calibration: promised vs achieved on rolling backtests of your history',
  description: (c) => [
    `Each window decided the stock on the periods before it, exactly as the live plan decides, and replayed its ${c.input.settings.backtestPeriods} periods. Per demand class and lead-time band a map from the model’s fill rate to the achieved one is fitted over all windows together; the live plan takes the least stock whose mapped fill rate meets the target and promises the mapped fill rate.`,
    'Compare Promised with Achieved per window: the calibrated columns are in sample (the fit saw these windows), the spread between windows is the drift your plan has to live with.',
  ],
  rows: (c) => c.portfolio.calibration?.cells ?? [],
  columns: [
    { key: 'window', header: 'Window', format: 'integer', unit: '', note: '1 = the most recent window.', value: (r) => r.window, pane: true },
    { key: 'origin', header: 'Periods decided on', format: 'integer', unit: 'periods', note: 'Periods of history the window decided on.', value: (r) => r.origin },
    { key: 'periods', header: 'Periods replayed', format: 'integer', unit: 'periods', note: 'Periods replayed after it (BacktestPeriods).', value: (r) => r.periods },
    { key: 'demandClass', header: 'Demand class', format: 'text', unit: '', note: 'Syntetos–Boylan class of the history the window decided on.', value: (r) => r.demandClass, pane: true },
    { key: 'leadTimeBand', header: 'Lead time', format: 'text', unit: '', note: 'Lead-time band the map is fitted for: under 1 period, 1 to 2 periods, 2 periods or more (docs/methods.md §6.1).', value: (r) => r.leadTimeBand, pane: true },
    { key: 'partLocations', header: 'Part-locations', format: 'integer', unit: 'count', note: 'Part-locations backtested in the window and class whose replay had demand (the stock set by a target, not by the evidence rules).', value: (r) => r.partLocations },
    { key: 'demand', header: 'Replayed demand', format: 'integer', unit: 'units', note: 'Units demanded in the replayed periods.', value: (r) => r.demand },
    { key: 'promisedFillRate', header: 'Promised (uncalibrated)', format: 'percent', unit: 'share of demanded units', note: 'Fill rate the model promised for its stock, weighted by replayed demand.', value: (r) => r.promisedFillRate, pane: true },
    { key: 'achievedFillRate', header: 'Achieved (uncalibrated)', format: 'percent', unit: 'share of demanded units', note: 'Replayed units filled at once ÷ replayed units.', value: (r) => r.achievedFillRate, pane: true },
    { key: 'reachableFillRate', header: 'Reachable', format: 'percent', unit: 'share of demanded units', note: 'The most any stock achieved on these backtests under the class’s calibration map: a target above it is unreachable on this evidence, and the plan promises this instead (docs/methods.md §6.1).', value: (r) => r.reachableFillRate, pane: true },
    { key: 'calibratedPromisedFillRate', header: 'Promised (calibrated)', format: 'percent', unit: 'share of demanded units', note: 'The calibrated promise for the calibrated stock (in sample).', value: (r) => r.calibratedPromisedFillRate, pane: true },
    { key: 'calibratedAchievedFillRate', header: 'Achieved (calibrated)', format: 'percent', unit: 'share of demanded units', note: 'What the calibrated stock achieved in the replay (in sample).', value: (r) => r.calibratedAchievedFillRate, pane: true },
    { key: 'stock', header: 'Stock (uncalibrated)', format: 'integer', unit: 'units', note: 'Σ stock decided in the window without calibration.', value: (r) => r.stock },
    { key: 'calibratedStock', header: 'Stock (calibrated)', format: 'integer', unit: 'units', note: 'Σ stock decided in the window with the map.', value: (r) => r.calibratedStock },
  ],
  when: (c) => (c.portfolio.calibration?.cells.length ?? 0) > 0,
};

/** The JSON section `calibration`: the map and its evidence per demand class (the windows are CALIBRATION_TABLE's rows). */
export function calibrationJson(c: ResultContext): unknown {
  const calibration = c.portfolio.calibration;
  if (!calibration) return null;
  return { maps: calibration.maps, observations: calibration.observations };
}
