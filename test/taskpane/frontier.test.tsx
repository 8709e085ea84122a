/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["umd", "browser", "require", "default"]}
 *
 * The frontier on the Results tab: its points are the run's SPP Frontier rows, the chosen one
 * selected; picking another and "Plan at this budget" runs again in StockingMode Budget with that
 * point's investment (a scenario override, validated and stored like the others), and the new
 * plan's investment fits it.
 */
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { InThreadRunner } from '../../src/taskpane/analysis/in-thread-runner';
import { Planner } from '../../src/taskpane/components/Planner';
import { frontierOf } from '../../src/taskpane/state/frontier';
import { formatCurrency } from '../../src/taskpane/state/format';
import { analyzeTables, readInputTables } from '../../src/pipeline/run';
import type { WorkbookPort } from '../../src/workbook/port';
import { fakeSession, sampleWorkbook } from './fake-session';
import { renderInPane as render } from './render';

test('picking a frontier point re-runs in budget mode with its investment', async () => {
  const session = fakeSession(await sampleWorkbook());
  const port = session.workbook() as WorkbookPort;
  const direct = analyzeTables(await readInputTables(port));
  if (!direct.ok) throw new Error('the sample should be valid');
  const points = frontierOf(direct.result);
  expect(points.filter((p) => p.chosen)).toHaveLength(1);

  render(<Planner session={session} createRunner={() => new InThreadRunner()} />);
  await userEvent.click(await screen.findByRole('tab', { name: 'Run' }));
  await userEvent.click(screen.getByRole('button', { name: 'Run analysis' }));
  const chart = await screen.findByTestId('chart-frontier', {}, { timeout: 30000 });
  expect(within(chart).getByText(/Efficient frontier: fill rate within response by investment/)).toBeTruthy();
  const select = screen.getByTestId('frontier-point') as HTMLSelectElement;
  // One option per SPP Frontier row, the chosen one selected.
  expect(select.options).toHaveLength(points.length);
  const chosen = points.findIndex((p) => p.chosen);
  expect(select.value).toBe(String(chosen));
  expect(select.options[chosen].textContent).toContain(`${formatCurrency(points[chosen].investment, 'USD')}:`);
  expect(select.options[chosen].textContent).toContain('(this plan)');

  // A cheaper point: half-way between the floor plan and the chosen one.
  const pick = Math.floor(chosen / 2);
  expect(points[pick].investment).toBeLessThan(points[chosen].investment);
  await userEvent.selectOptions(select, String(pick));
  await userEvent.click(screen.getByTestId('frontier-plan'));
  const budget = Math.ceil(points[pick].investment - 1e-9);
  await waitFor(async () => expect((await port.readScenario())?.scenario?.settings).toEqual({ stockingMode: 'Budget', budget }), { timeout: 30000 });
  await waitFor(() => expect(screen.getByTestId('card-investment-value').textContent).not.toBe(formatCurrency(direct.result.summary.investment, 'USD')), { timeout: 30000 });

  // The pane shows what the pipeline gives for that scenario, within the budget.
  const rerun = analyzeTables(await readInputTables(port), { settings: { stockingMode: 'Budget', budget } });
  if (!rerun.ok) throw new Error('the budget run should be valid');
  expect(rerun.result.summary.investment).toBeLessThanOrEqual(budget);
  expect(screen.getByTestId('card-investment-value').textContent).toBe(formatCurrency(rerun.result.summary.investment, 'USD'));
  expect((rerun.result.networkPlan as { mode: string }).mode).toBe('budget');
}, 120000);
