/**
 * One Run of the task pane: read the inputs (main thread: Office.js lives here), analyse them in the
 * runner (a worker), write the results and store the scenario. The same pipeline functions as
 * `runPipeline`, split so the pure middle part can leave the UI thread.
 */
import { readInputTables, type Analysis, type Scenario, type Stage } from '../../pipeline/run';
import type { ValidationIssue } from '../../model/types';
import type { WorkbookPort } from '../../workbook/port';
import { AnalysisCancelled, isCancelled, type AnalysisRunner } from '../analysis/runner';
import { lastRunNow, type LastRun } from '../../pipeline/scenario-store';
import { updateStoredBook, type KeptRun } from '../../pipeline/scenario-book';

export type SuccessfulAnalysis = Extract<Analysis, { ok: true }>;

export type RunOutcome =
  | { kind: 'done'; analysis: SuccessfulAnalysis; lastRun: LastRun; scenarioWarning: string | null }
  | { kind: 'invalid'; issues: ValidationIssue[]; scenarioWarning: string | null }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export interface RunControl {
  onProgress(stage: Stage, fraction: number): void;
  /** True once the user pressed Cancel. */
  cancelled(): boolean;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Stores the scenario (and the run's figures with the other scenarios' kept runs, which the book keeps);
 * a failure is reported but does not undo the run.
 */
async function saveScenario(port: WorkbookPort, scenario: Scenario, lastRun: LastRun | null, keptRun?: KeptRun): Promise<string | null> {
  try {
    await updateStoredBook(port, (book) => ({ ...book, base: scenario, lastRun, runs: keptRun ? { ...book.runs, [keptRun.name]: keptRun } : book.runs }));
    return null;
  } catch (error) {
    return `The scenario could not be stored in the workbook: ${message(error)}`;
  }
}

export async function runAnalysis(
  port: WorkbookPort,
  scenario: Scenario,
  runner: AnalysisRunner,
  previousRun: LastRun | null,
  control: RunControl,
): Promise<RunOutcome> {
  try {
    control.onProgress('read', 0);
    const tables = await readInputTables(port, scenario);
    control.onProgress('read', 1);
    if (control.cancelled()) throw new AnalysisCancelled();
    const analysis = await runner.run(tables, scenario, control.onProgress);
    if (control.cancelled()) throw new AnalysisCancelled();
    if (!analysis.ok) {
      // Errors in the input: nothing is written but the user's choices are kept with the workbook.
      return { kind: 'invalid', issues: analysis.issues, scenarioWarning: await saveScenario(port, scenario, previousRun) };
    }
    control.onProgress('write', 0);
    await port.writeResults(analysis.bundle);
    const lastRun = lastRunNow();
    const scenarioWarning = await saveScenario(port, scenario, lastRun, analysis.keptRun);
    control.onProgress('write', 1);
    return { kind: 'done', analysis, lastRun, scenarioWarning };
  } catch (error) {
    if (isCancelled(error)) return { kind: 'cancelled' };
    return { kind: 'failed', message: message(error) };
  }
}
