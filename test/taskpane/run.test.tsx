/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["umd", "browser", "require", "default"]}
 *
 * Run and Results: the cards show exactly what analyzeTables computes on the same tables, the
 * results and the scenario are written to the workbook, Cancel stops a run, errors write nothing.
 */
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { analyzeTables, readInputTables, type Analysis, type Scenario } from '../../src/pipeline/run';
import { RESULT_SHEETS } from '../../src/pipeline/layout';
import { handleRequest } from '../../src/taskpane/analysis/handle-request';
import { InThreadRunner } from '../../src/taskpane/analysis/in-thread-runner';
import type { WorkerRequest, WorkerResponse } from '../../src/taskpane/analysis/protocol';
import { WorkerRunner, type WorkerLike } from '../../src/taskpane/analysis/worker-runner';
import { Planner } from '../../src/taskpane/components/Planner';
import { formatCurrency, formatInteger, formatPercent } from '../../src/taskpane/state/format';
import { ENGINE_VERSION } from '../../src/version';
import type { WorkbookPort } from '../../src/workbook/port';
import { fakeSession, SAMPLE, sampleWorkbook } from './fake-session';
import { editedWithExcelJs } from '../workbook/xlsx-harness';
import { renderInPane as render } from './render';

function cardValue(id: string): string {
  return screen.getByTestId(`card-${id}-value`).textContent ?? '';
}

async function directAnalysis(port: WorkbookPort, scenario: Scenario = {}): Promise<Extract<Analysis, { ok: true }>> {
  const analysis = analyzeTables(await readInputTables(port, scenario), scenario);
  if (!analysis.ok) throw new Error('the sample should be valid');
  return analysis;
}

async function runFromRunTab() {
  await userEvent.click(await screen.findByRole('tab', { name: 'Run' }));
  await userEvent.click(screen.getByRole('button', { name: 'Run analysis' }));
}

test('Run writes the results and the cards show the pipeline’s own numbers', async () => {
  const session = fakeSession(await sampleWorkbook());
  const port = session.workbook()!;
  const expected = (await directAnalysis(port)).result.summary;
  render(<Planner session={session} createRunner={() => new InThreadRunner()} />);
  await runFromRunTab();
  await screen.findByTestId('summary-cards', {}, { timeout: 20000 });

  // Independent facts about the sample: every part at every location, classes partition them.
  expect(expected.partLocations).toBe(SAMPLE.parts * SAMPLE.locations);
  expect(Object.values(expected.demandClasses).reduce((a, b) => a + b, 0)).toBe(expected.partLocations);
  expect(cardValue('part-locations')).toBe(String(SAMPLE.parts * SAMPLE.locations));

  // Every card equals analyzeTables run directly on the same workbook.
  expect(cardValue('investment')).toBe(formatCurrency(expected.investment, expected.currency));
  expect(cardValue('fill-rate')).toBe(formatPercent(expected.fillRate));
  expect(cardValue('backtest')).toBe(`${formatPercent(expected.backtest.promisedFillRate)} → ${formatPercent(expected.backtest.achievedFillRate)}`);
  expect(cardValue('penalties')).toBe(formatCurrency(expected.expectedAnnualPenalty, expected.currency));
  for (const [demandClass, count] of Object.entries(expected.demandClasses)) {
    expect(screen.getByTestId(`class-${demandClass}`).textContent).toBe(`${demandClass}: ${formatInteger(count)}`);
  }

  // The results are in the workbook, and the scenario remembers this run.
  const stock = await port.readTable('SppStock');
  expect(stock?.rows).toHaveLength(SAMPLE.parts * SAMPLE.locations);
  const stored = await port.readScenario();
  expect(stored?.lastRun?.engineVersion).toBe(ENGINE_VERSION);
  expect(Date.parse(stored!.lastRun!.timestamp)).toBeGreaterThan(Date.now() - 60_000);

  // Charts with accessible titles (lazy chunk), and Excel links to every result sheet.
  const investmentChart = await screen.findByTestId('chart-investment', {}, { timeout: 10000 });
  expect(within(investmentChart).getByRole('region', { name: /Stock investment by location/ })).toBeTruthy();
  expect(screen.getByTestId('chart-tiers')).toBeTruthy();
  expect(screen.getByTestId('chart-classes')).toBeTruthy();
  await userEvent.click(screen.getByRole('button', { name: `Go to ${RESULT_SHEETS.stock}` }));
  expect(session.activated).toEqual([RESULT_SHEETS.stock]);
});

test('scenario overrides reach the pipeline: forecast method and a tier target', async () => {
  const session = fakeSession(await sampleWorkbook());
  const port = session.workbook()!;
  render(<Planner session={session} createRunner={() => new InThreadRunner()} />);
  await userEvent.click(await screen.findByRole('tab', { name: 'Run' }));
  await userEvent.selectOptions(screen.getByTestId('forecast-method'), 'Croston');
  const gold = await screen.findByTestId('tier-target-Gold');
  await userEvent.type(gold, '0.5');
  await userEvent.click(screen.getByRole('button', { name: 'Run analysis' }));
  await screen.findByTestId('summary-cards', {}, { timeout: 20000 });

  const scenario: Scenario = { settings: { forecastMethod: 'Croston' }, tierTargets: { Gold: 0.5 } };
  const expected = (await directAnalysis(port, scenario)).result.summary;
  expect(expected.methods).toEqual({ Croston: expected.partLocations });
  expect(cardValue('investment')).toBe(formatCurrency(expected.investment, expected.currency));
  expect((await port.readScenario())?.scenario).toEqual(scenario);
});

test('an invalid target keeps Run disabled', async () => {
  const session = fakeSession(await sampleWorkbook());
  render(<Planner session={session} createRunner={() => new InThreadRunner()} />);
  await userEvent.click(await screen.findByRole('tab', { name: 'Run' }));
  await userEvent.type(await screen.findByTestId('tier-target-Gold'), '1.2');
  expect(await screen.findByText('Must be strictly between 0 and 1.')).toBeTruthy();
  expect((screen.getByRole('button', { name: 'Run analysis' }) as HTMLButtonElement).disabled).toBe(true);
});

test('input errors are listed and no results are written', async () => {
  const session = fakeSession(await editedWithExcelJs(await sampleWorkbook(), (workbook) => (workbook.getWorksheet('Parts')!.getCell('C3').value = -5)));
  render(<Planner session={session} createRunner={() => new InThreadRunner()} />);
  await runFromRunTab();
  expect(await screen.findByText('The input has errors', {}, { timeout: 20000 })).toBeTruthy();
  expect(within(screen.getByTestId('error-list')).getByRole('button', { name: /Parts!C3: UnitCost must be a number > 0, found -5/ })).toBeTruthy();
  expect(await session.port.readTable('SppStock')).toBeNull();
});

/** A worker stand-in: the first one never answers (so the run can be cancelled), later ones run the real handler. */
class FakeWorker implements WorkerLike {
  static created: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  received: WorkerRequest[] = [];
  constructor(private readonly answers: boolean) {
    FakeWorker.created.push(this);
  }
  postMessage(message: WorkerRequest): void {
    this.received.push(message);
    const post = (response: WorkerResponse) => setTimeout(() => !this.terminated && this.onmessage?.({ data: response } as MessageEvent<WorkerResponse>), 0);
    post({ type: 'progress', id: message.id, stage: 'validate', fraction: 0 });
    if (this.answers) setTimeout(() => handleRequest(message, post), 5);
  }
  terminate(): void {
    this.terminated = true;
  }
}

test('Cancel terminates the worker, writes nothing, and the next run starts a fresh worker', async () => {
  FakeWorker.created = [];
  const session = fakeSession(await sampleWorkbook());
  const runner = new WorkerRunner(() => new FakeWorker(FakeWorker.created.length > 0));
  render(<Planner session={session} createRunner={() => runner} />);
  await runFromRunTab();

  const progress = await screen.findByTestId('run-progress');
  await waitFor(() => expect(within(progress).getByText('Validate').getAttribute('aria-current')).toBe('step'));
  await userEvent.click(within(progress).getByRole('button', { name: 'Cancel' }));
  expect(await screen.findByText('Run cancelled')).toBeTruthy();
  expect(FakeWorker.created).toHaveLength(1);
  expect(FakeWorker.created[0].terminated).toBe(true);
  expect(await session.port.readTable('SppStock')).toBeNull();
  expect(screen.queryByTestId('run-progress')).toBeNull();

  await userEvent.click(screen.getByRole('button', { name: 'Run analysis' }));
  await screen.findByTestId('summary-cards', {}, { timeout: 20000 });
  expect(FakeWorker.created).toHaveLength(2);
  expect(FakeWorker.created[1].received[0]).toMatchObject({ type: 'start', scenario: {} });
  expect(cardValue('part-locations')).toBe(String(SAMPLE.parts * SAMPLE.locations));
});
