/**
 * Runs the pure part of the pipeline (`analyzeTables`) away from the UI. Two implementations share
 * this interface: a Web Worker (the UI never freezes, Cancel terminates the worker) and an
 * in-thread fallback for environments without workers (jsdom tests, very old webviews).
 */
import type { Analysis, InputTables, Scenario, Stage } from '../../pipeline/run';

export type ProgressListener = (stage: Stage, fraction: number) => void;

export interface AnalysisRunner {
  /** Analyses the tables; rejects with AnalysisCancelled after `cancel()`. One run at a time. */
  run(tables: InputTables, scenario: Scenario, onProgress: ProgressListener): Promise<Analysis>;
  /** Stops the current run (if any) at once; the runner stays usable for the next run. */
  cancel(): void;
  /** Releases the worker for good (when the pane unmounts). */
  dispose(): void;
}

export class AnalysisCancelled extends Error {
  constructor() {
    super('The analysis was cancelled.');
    this.name = 'AnalysisCancelled';
  }
}

export function isCancelled(error: unknown): boolean {
  return error instanceof AnalysisCancelled || (error instanceof Error && error.name === 'PlanningCancelled');
}
