/**
 * Messages between the task pane and the analysis worker. Everything here is structured-clonable:
 * SheetTable cells are strings, numbers, booleans, Dates, null or `{error}` objects.
 */
import type { Analysis, InputTables, Scenario, Stage } from '../../pipeline/run';

/** Main thread → worker: analyse these tables. `id` ties the answers to this request. */
export interface StartMessage {
  type: 'start';
  id: number;
  tables: InputTables;
  scenario: Scenario;
}

export type WorkerRequest = StartMessage;

export type WorkerResponse =
  | { type: 'progress'; id: number; stage: Stage; fraction: number }
  | { type: 'done'; id: number; analysis: Analysis }
  | { type: 'error'; id: number; message: string };
