/**
 * The tier chart's label layout, with text 6 px per character: wrapped under the groups where the
 * longest word fits a group, else turned by 45° with margins for the end labels, and a wider
 * (scrolling) chart where even turned labels would touch. Hand-computed expectations.
 */
import { MAX_ROTATED_LABEL, MIN_ROTATED_STEP, tierAxisLayout } from '../../src/taskpane/state/tier-axis';

const measure = (text: string) => 6 * text.length;
const MARGINS = { left: 44, right: 16 };
const DOMAIN = 8;

test('labels wrap under their groups when each group is wider than the longest word', () => {
  // 600 px − 44 − 16 − 2·8 = 524 px for 4 groups: 131 px each; "Standard" is 48 px (+8 gap).
  const layout = tierAxisLayout(['Silver', 'Platinum', 'Gold', 'Standard parts'], 600, MARGINS, DOMAIN, measure);
  expect(layout).toEqual({ mode: 'wrap', labels: ['Silver', 'Platinum', 'Gold', 'Standard parts'], margins: MARGINS, extraHeight: 0, width: 600 });
});

test('labels turn by 45° when a group is narrower than the longest word, with room for the end labels', () => {
  // 276 px − 84 = 192 px for 9 groups: 21.3 px each < 48 + 8 ("Platinum", "Standard").
  const names = ['Platinum 2h', 'Platinum 4h', 'Gold 8h', 'Gold NBD', 'Silver 24h', 'Silver 48h', 'Bronze 72h', 'Best effort', 'Standard parts'];
  const layout = tierAxisLayout(names, 276, MARGINS, DOMAIN, measure);
  expect(layout.mode).toBe('rotate');
  expect(layout.labels).toEqual(names); // the longest, "Standard parts", is 84 px ≤ 96
  // Turned, the 84 × 11 px label spans (84 + 11)·cos 45° = 67.18 px each way, centred 10 px right of its tick:
  // right margin ⌈67.18/2 + 10 − 8 + 4⌉ = 40; left ⌈33.59 − 10 − 8 + 4⌉ = 20, so the 44 of the y axis stays.
  expect(layout.margins).toEqual({ left: 44, right: 40 });
  expect(layout.extraHeight).toBe(68);
  // 9 groups × 20 px + 44 + 40 + 16 = 280 > 276: the chart is 280 px wide and scrolls by 4 px.
  expect(MIN_ROTATED_STEP).toBe(20);
  expect(layout.width).toBe(280);
});

test('very long tier names are shortened when turned, unless shortening would make two the same', () => {
  const long = 'Platinum four-hour on-site 24x7';
  const layout = tierAxisLayout([long, 'Gold'], 120, MARGINS, DOMAIN, measure);
  expect(layout.mode).toBe('rotate');
  // At most 96 px: 15 characters plus "…" (6 px each).
  expect(layout.labels[0]).toBe('Platinum four-h…');
  expect(measure(layout.labels[0])).toBeLessThanOrEqual(MAX_ROTATED_LABEL);
  expect(layout.labels[1]).toBe('Gold');

  const twins = tierAxisLayout(['Platinum four-hour on-site A', 'Platinum four-hour on-site B'], 120, MARGINS, DOMAIN, measure);
  expect(twins.labels).toEqual(['Platinum four-hour on-site A', 'Platinum four-hour on-site B']);
});
