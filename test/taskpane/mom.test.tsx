/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["umd", "browser", "require", "default"]}
 *
 * The Results tab's MOM section: the scorecard from the results contract and the business case,
 * whose editable assumptions re-run only the business case. Checked against hand relations that do
 * not use the code under test: a one-time cost is spent at year 0, undiscounted, so raising it by
 * Δ lowers the opportunity's NPV by exactly Δ; an annual benefit raised by Δ adds Δ × the annuity
 * factor Σ_{t=1..H} 1.08^−t (2.577097 for H = 3 at 8 %).
 */
import './setup';

jest.mock('../../src/taskpane/components/ResultCharts', () => ({
  __esModule: true,
  default: () => require('react').createElement('div', { 'data-testid': 'result-charts' }),
}));
import { fireEvent, screen, within } from '@testing-library/react';
import { analyzeTables, readInputTables } from '../../src/pipeline/run';
import { ResultsPanel } from '../../src/taskpane/components/ResultsPanel';
import { rerunBusinessCase } from '../../src/taskpane/state/business-case';
import { fakeSession, sampleWorkbook } from './fake-session';
import { renderInPane as render } from './render';

async function sample() {
  const port = await sampleWorkbook();
  const analysis = analyzeTables(await readInputTables(port));
  if (!analysis.ok) throw new Error('the sample should be valid');
  return { analysis, session: fakeSession(port) };
}

test('re-running the business case with an edited one-time cost or annual benefit moves the NPV by the hand amounts', async () => {
  const { analysis } = await sample();
  const result = analysis.result;
  const original = result.opportunities as { id: 'recycling'; npv: number; oneTimeCost: number; annualBenefit: number }[];
  expect(original.length).toBeGreaterThan(0);
  const o = original[0];
  const same = rerunBusinessCase(result, {}, 'USD');
  expect(same.opportunities.find((x) => x.id === o.id)!.npv).toBeCloseTo(o.npv, 6);
  const costlier = rerunBusinessCase(result, { [o.id]: { oneTimeCost: o.oneTimeCost + 1000 } }, 'USD');
  expect(costlier.opportunities.find((x) => x.id === o.id)!.npv).toBeCloseTo(o.npv - 1000, 6);
  const annuity = 1 / 1.08 + 1 / 1.08 ** 2 + 1 / 1.08 ** 3;
  expect(annuity).toBeCloseTo(2.577097, 6);
  const better = rerunBusinessCase(result, { [o.id]: { annualBenefit: o.annualBenefit + 1000 } }, 'USD');
  expect(better.opportunities.find((x) => x.id === o.id)!.npv).toBeCloseTo(o.npv + 1000 * annuity, 6);
});

test('the Results tab shows the MOM scorecard and the business case, and an edit updates the headline', async () => {
  const { analysis, session } = await sample();
  render(<ResultsPanel analysis={analysis} session={session} />);
  const mom = screen.getByTestId('mom');
  const scores = within(screen.getByTestId('table-momScores')).getByRole('table');
  const pillars = within(scores)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0].textContent);
  expect(pillars).toEqual(['Maximize', 'Optimize', 'Minimize', 'MOM score']);
  const headline = within(mom).getByTestId('business-case-headline');
  const before = headline.textContent;
  expect(before).toMatch(/NPV/);
  // An opportunity in the plan costing 1,000 more at year 0 lowers the business case NPV by exactly 1,000.
  const inPlan = (analysis.result.opportunities as { id: string; wave: number | null; oneTimeCost: number }[]).find((o) => o.wave !== null)!;
  const npv = (analysis.result.businessCase as { npv: number }).npv;
  expect(before).toContain(`NPV USD ${Math.round(npv).toLocaleString('en-US')}`);
  fireEvent.change(within(mom).getByTestId(`one-time-cost-${inPlan.id}`), { target: { value: String(inPlan.oneTimeCost + 1000) } });
  expect(within(mom).getByTestId('business-case-headline').textContent).toContain(`NPV USD ${Math.round(npv - 1000).toLocaleString('en-US')}`);
  await screen.findByTestId('result-charts');
});
