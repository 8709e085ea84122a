/**
 * How the tier chart labels its groups so that no two labels overlap and none leaves the chart:
 * horizontally, wrapped at spaces, where a group is wider than the longest word; otherwise at 45°
 * (Fluent's rotation, centred on the group), shortened to a bounded length, with side margins wide
 * enough for the first and last rotated label, and a minimum chart width (the chart then scrolls)
 * where even rotated labels would not fit side by side. Pure: widths come from `measure` (canvas
 * text metrics in the browser), so the rule is testable without layout.
 */

export interface AxisMargins {
  left: number;
  right: number;
}

export interface TierAxisLayout {
  mode: 'wrap' | 'rotate';
  /** The label shown under each group (the name, or the name shortened with "…"). */
  labels: string[];
  /** Left and right chart margins: the requested ones, widened for rotated end labels. */
  margins: AxisMargins;
  /** Extra chart height for rotated labels, so the bars keep their height. */
  extraHeight: number;
  /** The chart's width: the available width, or more where rotated labels need it. */
  width: number;
}

/** Room between neighbouring labels, in px. */
const GAP = 8;
/** Height of the box of one line of axis text (Fluent caption2: 10 px; its SVG box is 11 px). */
const LINE = 11;
/**
 * Fluent draws a tick label 11 px + 0.71 em below its tick and turns it about the tick: the turned
 * label's centre lies about this far right of (and below) the tick.
 */
const ROTATION_SHIFT = 10;
/** The longest rotated label, in px; longer names are shortened with "…" (the tooltip has them in full). */
export const MAX_ROTATED_LABEL = 96;
const COS45 = Math.SQRT1_2;
/** Group spacing below which parallel 45° labels would touch. */
export const MIN_ROTATED_STEP = Math.ceil((LINE + 3) / COS45);

/** `text` cut to at most `max` px, ending in "…". */
function shorten(text: string, max: number, measure: (text: string) => number): string {
  if (measure(text) <= max) return text;
  let end = text.length;
  while (end > 1 && measure(`${text.slice(0, end).trimEnd()}…`) > max) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** Shortened labels that collide keep their full names (a tier must stay identifiable). */
function distinct(labels: string[], names: string[]): string[] {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return labels.map((label, i) => ((counts.get(label) ?? 0) > 1 ? names[i] : label));
}

/**
 * The layout for tier `names` in a chart `width` px wide with these side margins; `domain` is
 * the space the chart keeps between each margin and the outer groups. `measure` gives a label's
 * width in px in the axis font.
 */
export function tierAxisLayout(names: string[], width: number, margins: AxisMargins, domain: number, measure: (text: string) => number = defaultMeasure): TierAxisLayout {
  const groups = Math.max(names.length, 1);
  const longestWord = Math.max(0, ...names.flatMap((name) => name.split(/\s+/)).map(measure));
  if (longestWord + GAP <= (width - margins.left - margins.right - 2 * domain) / groups) return { mode: 'wrap', labels: names, margins, extraHeight: 0, width };

  const labels = distinct(
    names.map((name) => shorten(name, MAX_ROTATED_LABEL, measure)),
    names,
  );
  // A label L wide and LINE high turned by 45° spans (L + LINE)·cos 45° each way, centred on its group.
  const span = (Math.max(0, ...labels.map(measure)) + LINE) * COS45;
  // The outer groups can sit right at the plot's ends (Fluent centres and pads the groups itself), so
  // the margins hold half a rotated label, shifted right, beyond the domain space.
  const overhang = (shift: number) => Math.ceil(span / 2 + shift - domain + GAP / 2);
  const sides = { left: Math.max(margins.left, overhang(-ROTATION_SHIFT)), right: Math.max(margins.right, overhang(ROTATION_SHIFT)) };
  const chartWidth = Math.max(width, Math.ceil(sides.left + sides.right + 2 * domain + groups * MIN_ROTATED_STEP));
  return { mode: 'rotate', labels, margins: sides, extraHeight: Math.ceil(span), width: chartWidth };
}

let canvas: HTMLCanvasElement | null = null;

/** Width of `text` in the charts' axis font (Fluent caption2Strong: semibold 10 px). */
export function defaultMeasure(text: string): number {
  canvas ??= typeof document === 'undefined' ? null : document.createElement('canvas');
  const context = canvas?.getContext('2d');
  if (!context) return text.length * 6;
  const family = typeof getComputedStyle === 'function' ? getComputedStyle(document.body).fontFamily : '';
  context.font = `600 10px ${family || 'sans-serif'}`;
  return context.measureText(text).width;
}
