/**
 * The reason for a part-location's network decision, in words, from the measures of a plan or an
 * evaluation (computed on request, so a run with hundreds of thousands of rows builds no strings).
 */
import { DECISION_CODE, type NetworkRows } from './evaluate';
import type { NetworkProblem } from './problem';

const money = (currency: string, x: number) => `${currency} ${Math.round(x).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
const hours = (h: number) => `${Number(h.toFixed(2))} h`;
const days = (d: number) => `${Number(d.toFixed(2))} days`;
const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

export function networkReason(problem: NetworkProblem, rows: NetworkRows, row: number, options: { currency?: string; minFillRate?: number } = {}): string {
  const currency = options.currency ?? 'USD';
  const c = rows.columns;
  const decision = rows.decision[row];
  const p = problem.part[row];
  const first = problem.firstRow[p];
  const t = problem.tier[row];
  const tier = t >= 0 ? problem.tiers[t] : undefined;
  if (decision === DECISION_CODE.Central) {
    const fields = problem.firstRow[p + 1] - first - 1;
    return (
      `Central: its own customers and the resupply of ${fields} field location${fields === 1 ? '' : 's'} draw on it; ` +
      `${Number(c.pipelineMean[row].toFixed(2))} units in the pipeline over ${days(problem.centralPipelineDays[p])} on average; ` +
      `at this stock an order waits ${days(c.expectedDelayDays[row])} on average and a unit is on the shelf ${percent(c.centralAvailability[row])} of the time.`
    );
  }
  if (decision === DECISION_CODE.NoDemand) return c.stock[row] > 0 ? `No demand expected here; ${c.stock[row]} units held.` : 'No demand expected here: nothing stocked.';
  const emergency = problem.emergencyHours[row];
  if (!tier) return 'No SLA tier: stocked for the MinFillRate floor only.';
  if (decision === DECISION_CODE.ServeFromCentral) {
    const field = c.fieldOptionAnnualCost[row];
    return (
      `Served from the Central: its emergency delivery (${hours(emergency)}) meets the ${tier.name} tier's ${hours(tier.responseHours)}, ` +
      `at ${money(currency, c.centralOptionAnnualCost[row])} a year in emergency shipments and penalties` +
      (Number.isFinite(field) ? `, against ${money(currency, field)} a year for the cheapest field stock (${c.fieldOptionStock[row]} units: holding, shipments and penalties).` : '.')
    );
  }
  if (!problem.coverable[row]) {
    return Number.isFinite(emergency)
      ? `Stock in the field: only field stock meets the ${tier.name} tier's ${hours(tier.responseHours)} (emergency delivery from the Central takes ${hours(emergency)}).`
      : `Stock in the field: only field stock meets the ${tier.name} tier's ${hours(tier.responseHours)} (no emergency delivery from the Central).`;
  }
  const floor = options.minFillRate;
  if (floor != null && c.centralAvailability[row] < floor) {
    return `Stock in the field: the Central has a unit on its shelf only ${percent(c.centralAvailability[row])} of the time, below the MinFillRate floor of ${percent(floor)}, so emergency delivery alone cannot serve this location.`;
  }
  return (
    `Stock in the field: emergency delivery (${hours(emergency)}) would meet the ${tier.name} tier's ${hours(tier.responseHours)}, ` +
    `but ${c.fieldOptionStock[row]} units here cost ${money(currency, c.fieldOptionAnnualCost[row])} a year (holding, shipments and penalties) ` +
    `against ${money(currency, c.centralOptionAnnualCost[row])} a year to serve from the Central.`
  );
}
