/** The scenario of the open workbook: loaded with port.readScenario, edited in the pane, stored on Run. */
import { useEffect, useState } from 'react';
import type { Scenario } from '../../pipeline/run';
import type { WorkbookPort } from '../../workbook/port';
import { loadScenario, type LastRun } from '../../pipeline/scenario-store';

export interface ScenarioState {
  scenario: Scenario;
  setScenario(update: (current: Scenario) => Scenario): void;
  lastRun: LastRun | null;
  setLastRun(lastRun: LastRun): void;
  /** Why the stored scenario could not be read (the pane then starts from the workbook's own settings). */
  loadWarning: string | null;
}

export function useScenario(port: WorkbookPort | null): ScenarioState {
  const [scenario, setScenarioValue] = useState<Scenario>({});
  const [lastRun, setLastRun] = useState<LastRun | null>(null);
  const [loadWarning, setLoadWarning] = useState<string | null>(null);

  useEffect(() => {
    setScenarioValue({});
    setLastRun(null);
    setLoadWarning(null);
    if (!port) return undefined;
    let live = true;
    loadScenario(port).then(
      (loaded) => {
        if (!live) return;
        setScenarioValue(loaded.scenario);
        setLastRun(loaded.lastRun);
      },
      (error: unknown) => live && setLoadWarning(`The stored scenario could not be read: ${error instanceof Error ? error.message : String(error)}`),
    );
    return () => {
      live = false;
    };
  }, [port]);

  return { scenario, setScenario: setScenarioValue, lastRun, setLastRun, loadWarning };
}
