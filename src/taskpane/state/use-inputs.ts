/**
 * Inspection of the input tables, redone when the workbook or the table sources and column mappings
 * change (not on every settings edit: reading a large Demand table from Excel takes a while).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Scenario } from '../../pipeline/run';
import type { WorkbookPort } from '../../workbook/port';
import { inspectInputs, type InputInspection } from './input-inspection';

export interface InputsState {
  inspection: InputInspection | null;
  loading: boolean;
  error: string | null;
  refresh(): void;
}

export function useInputs(port: WorkbookPort | null, scenario: Scenario): InputsState {
  const [inspection, setInspection] = useState<InputInspection | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refreshes, setRefreshes] = useState(0);
  const sourcesKey = JSON.stringify([scenario.tableSources ?? {}, scenario.columnOverrides ?? {}]);
  // Keyed on the parts of the scenario that change what is read.
  const sources = useMemo<Scenario>(() => ({ tableSources: scenario.tableSources, columnOverrides: scenario.columnOverrides }), [sourcesKey]);

  // Another workbook: nothing of the previous one's inspection (or its error) stays while it is read.
  const shownPort = useRef(port);
  useEffect(() => {
    if (shownPort.current !== port) {
      shownPort.current = port;
      setInspection(null);
      setError(null);
    }
    if (!port) return undefined;
    let live = true;
    setLoading(true);
    inspectInputs(port, sources)
      .then(
        (result) => {
          if (!live) return;
          setInspection(result);
          setError(null);
        },
        (failure: unknown) => live && setError(failure instanceof Error ? failure.message : String(failure)),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [port, sources, refreshes]);

  const refresh = useCallback(() => setRefreshes((n) => n + 1), []);
  return { inspection, loading, error, refresh };
}
