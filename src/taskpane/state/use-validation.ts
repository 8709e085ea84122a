/** The Validate step: read the inputs as a run would and list every problem a run would report (validateRun is pure). */
import { useCallback, useEffect, useState } from 'react';
import type { ValidationIssue } from '../../model/types';
import { readInputTables, validateRun, type Scenario } from '../../pipeline/run';
import type { WorkbookPort } from '../../workbook/port';

export interface ValidationState {
  /** Issues of the last check; null before the first one. */
  issues: ValidationIssue[] | null;
  checking: boolean;
  error: string | null;
  validate(): Promise<void>;
}

export function useValidation(port: WorkbookPort | null, scenario: Scenario): ValidationState {
  const [issues, setIssues] = useState<ValidationIssue[] | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setIssues(null);
    setError(null);
  }, [port]);

  const validate = useCallback(async () => {
    if (!port) return;
    setChecking(true);
    setError(null);
    try {
      const tables = await readInputTables(port, scenario);
      setIssues(validateRun(tables, scenario).issues);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setChecking(false);
    }
  }, [port, scenario]);

  return { issues, checking, error, validate };
}
