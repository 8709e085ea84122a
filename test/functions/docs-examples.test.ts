/**
 * Every example in docs/functions.md computes what the page says: each `=SPP.NAME(…)` in a table
 * row with its result, or followed by "is <result>", is evaluated through the catalog Excel gets
 * (arguments as Excel passes them: numbers, text, TRUE/FALSE, 8% as 0.08, an empty argument as
 * null, a range as a 2-D array) and compared with the number to the digits shown. The page's
 * ranges are defined here as the page describes them. Keeps the documentation from going stale
 * when a default or a model changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CUSTOM_FUNCTIONS } from '../../src/functions/catalog';

const PAGE = readFileSync(join(__dirname, '..', '..', 'docs', 'functions.md'), 'utf8').replace(/\s*\n\s*/g, ' ');

/** The ranges the page's examples use, as the page describes them. */
const RANGES: Record<string, unknown[][]> = {
  // "a row B2:M2 holding 0 0 3 0 1 0 0 2 0 0 4 0"
  'B2:M2': [[0, 0, 3, 0, 1, 0, 0, 2, 0, 0, 4, 0]],
  // "B2:G2 holding 2 2 2 2 2 2"
  'B2:G2': [[2, 2, 2, 2, 2, 2]],
  // "B2:B7 holding −40,000, 8,000, 9,200, 10,000, 12,000, 14,500"
  'B2:B7': [[-40000], [8000], [9200], [10000], [12000], [14500]],
  // The pillar's KPIs in rows 2–4: current in B, benchmark in C, floor in D, weight in E.
  'B2:B4': [[0.91], [2.5], [0.05]],
  'C2:C4': [[0.98], [4], [0.02]],
  'D2:D4': [[0.85], [1], [0.15]],
  'E2:E4': [[2], [1], [1]],
};

function argument(text: string): unknown {
  const t = text.trim();
  if (t === '') return null;
  if (/^".*"$/.test(t)) return t.slice(1, -1);
  if (/^(TRUE|FALSE)$/i.test(t)) return t.toUpperCase() === 'TRUE';
  if (/^[A-Z]+\d+:[A-Z]+\d+$/.test(t)) {
    if (!RANGES[t]) throw new Error(`the page uses the range ${t}, which this test does not define`);
    return RANGES[t];
  }
  const percent = /^(-?[\d.]+)%$/.exec(t);
  if (percent) return Number(percent[1]) / 100;
  if (!/^-?[\d.]+(e-?\d+)?$/.test(t)) throw new Error(`cannot read the argument ${t}`);
  return Number(t);
}

/** Arguments split at the commas outside quotes. */
function argumentsOf(list: string): unknown[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of list) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map(argument);
}

interface Example {
  formula: string;
  id: string;
  args: string;
  result: string;
}

function examples(): Example[] {
  const found: Example[] = [];
  const table = /\|\s*`=SPP\.(\w+)\(([^`]*)\)`\s*\|\s*([^|]+)\|/g;
  const inline = /`=SPP\.(\w+)\(([^`]*)\)` is `?([−-]?[\d,]*\.?\d+(?: ?%)?|[a-z]+)`?/g;
  for (const pattern of [table, inline]) {
    // Formulas over a result table's [Column] placeholders (Reproducing the analysis) are recipes, not examples.
    for (const m of PAGE.matchAll(pattern)) if (!/[[…]/.test(m[2])) found.push({ formula: `=SPP.${m[1]}(${m[2]})`, id: m[1], args: m[2], result: m[3].trim() });
  }
  return found;
}

/** The value shown and half a unit of its last digit. */
function shown(result: string): { value: number | string; tolerance: number } {
  const m = /^([−-]?)([\d,]*\.?\d+)( ?%)?/.exec(result);
  if (!m) return { value: result.split(/\s/)[0], tolerance: 0 };
  const digits = m[2].replace(/,/g, '');
  const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
  const scale = m[3] ? 100 : 1;
  return { value: ((m[1] ? -1 : 1) * Number(digits)) / scale, tolerance: (0.5 * 10 ** -decimals) / scale };
}

const all = examples();

test('the page has examples of every function', () => {
  expect(new Set(all.map((e) => e.id))).toEqual(new Set(Object.keys(CUSTOM_FUNCTIONS)));
});

test.each(all.map((e) => [e.formula, e.result, e] as const))('%s gives %s', (_formula, _result, e) => {
  const actual = CUSTOM_FUNCTIONS[e.id](...argumentsOf(e.args));
  const { value, tolerance } = shown(e.result);
  if (typeof value === 'string') expect(actual).toBe(value);
  else expect(Math.abs((actual as number) - value)).toBeLessThanOrEqual(tolerance * (1 + 1e-9));
});
