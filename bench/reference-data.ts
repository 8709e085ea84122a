/** Loads the real car-parts demand series from ../shared/reference/carparts (never copied into the repository). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const CARPARTS_DIR = resolve(__dirname, '..', '..', 'shared', 'reference', 'carparts');

export interface CarPartSeries {
  part: string;
  /** Periods `YYYY-MM`, oldest first. */
  periods: string[];
  quantities: number[];
}

function unquote(field: string): string {
  return field.startsWith('"') ? field.slice(1, -1) : field;
}

export function loadCarParts(dir = CARPARTS_DIR): CarPartSeries[] {
  const text = readFileSync(resolve(dir, 'demand_monthly.csv'), 'utf8');
  const byPart = new Map<string, CarPartSeries>();
  const lines = text.split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const [part, period, qty] = line.split(',').map(unquote);
    let series = byPart.get(part);
    if (!series) byPart.set(part, (series = { part, periods: [], quantities: [] }));
    series.periods.push(period);
    series.quantities.push(Number(qty));
  }
  for (const series of byPart.values()) {
    const order = series.periods.map((_, i) => i).sort((a, b) => (series.periods[a] < series.periods[b] ? -1 : 1));
    series.periods = order.map((i) => series.periods[i]);
    series.quantities = order.map((i) => series.quantities[i]);
  }
  return [...byPart.values()];
}

export interface CrostonReference {
  part: string;
  first39: number;
  all51: number;
}

export function loadCrostonReference(dir = CARPARTS_DIR): CrostonReference[] {
  const lines = readFileSync(resolve(dir, 'croston_r_forecast.csv'), 'utf8').split(/\r?\n/);
  const rows: CrostonReference[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]) continue;
    const [part, first39, all51] = lines[i].split(',').map(unquote);
    rows.push({ part, first39: Number(first39), all51: Number(all51) });
  }
  return rows;
}
