/** The Run step's state machine: idle → running (stage, fraction) → done / invalid / cancelled / failed. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ValidationIssue } from '../../model/types';
import type { Scenario, Stage } from '../../pipeline/run';
import type { WorkbookPort } from '../../workbook/port';
import type { AnalysisRunner } from '../analysis/runner';
import { runAnalysis, type SuccessfulAnalysis } from './run-analysis';
import type { LastRun } from '../../pipeline/scenario-store';

export type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; stage: Stage; fraction: number; cancelling: boolean }
  | { phase: 'done'; scenarioWarning: string | null }
  | { phase: 'invalid'; issues: ValidationIssue[]; scenarioWarning: string | null }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

export interface AnalysisRunState {
  state: RunState;
  /** The latest successful analysis (kept when a later run is cancelled or fails). */
  latest: SuccessfulAnalysis | null;
  run(): Promise<void>;
  cancel(): void;
}

export interface RunDependencies {
  port: WorkbookPort | null;
  scenario: Scenario;
  lastRun: LastRun | null;
  onLastRun(lastRun: LastRun): void;
  createRunner(): AnalysisRunner;
}

export function useAnalysisRun({ port, scenario, lastRun, onLastRun, createRunner }: RunDependencies): AnalysisRunState {
  const [state, setState] = useState<RunState>({ phase: 'idle' });
  const [latest, setLatest] = useState<SuccessfulAnalysis | null>(null);
  const runner = useRef<AnalysisRunner | null>(null);
  const cancelled = useRef(false);

  useEffect(() => () => runner.current?.dispose(), []);
  useEffect(() => {
    setLatest(null);
    setState({ phase: 'idle' });
  }, [port]);

  const run = useCallback(async () => {
    if (!port) return;
    cancelled.current = false;
    runner.current ??= createRunner();
    setState({ phase: 'running', stage: 'read', fraction: 0, cancelling: false });
    const outcome = await runAnalysis(port, scenario, runner.current, lastRun, {
      onProgress: (stage, fraction) => setState((s) => (s.phase === 'running' ? { ...s, stage, fraction } : s)),
      cancelled: () => cancelled.current,
    });
    switch (outcome.kind) {
      case 'done':
        setLatest(outcome.analysis);
        onLastRun(outcome.lastRun);
        setState({ phase: 'done', scenarioWarning: outcome.scenarioWarning });
        break;
      case 'invalid':
        setState({ phase: 'invalid', issues: outcome.issues, scenarioWarning: outcome.scenarioWarning });
        break;
      case 'cancelled':
        setState({ phase: 'cancelled' });
        break;
      default:
        setState({ phase: 'failed', message: outcome.message });
    }
  }, [port, scenario, lastRun, onLastRun, createRunner]);

  const cancel = useCallback(() => {
    cancelled.current = true;
    runner.current?.cancel();
    setState((s) => (s.phase === 'running' ? { ...s, cancelling: true } : s));
  }, []);

  return { state, latest, run, cancel };
}
