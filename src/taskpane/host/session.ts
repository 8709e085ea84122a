/**
 * What the task pane needs from where it runs. Two implementations: Excel (Office.js, the open
 * workbook) and standalone (a plain browser: an .xlsx file opened by the user, processed with
 * the file host (src/workbook/xlsx-adapter.ts) and downloaded again). The planning itself always goes through the same pipeline
 * (src/pipeline/run.ts) and the WorkbookPort; only these host chores differ.
 */
import type { WorkbookPort } from '../../workbook/port';

/** A file being read (`open`) or written (`save`): fraction 0 when it starts, 1 when it is done (or failed). */
export type FileProgressListener = (stage: 'open' | 'save', fraction: number) => void;

export interface HostSession {
  readonly mode: 'excel' | 'standalone';
  /** The workbook to work on; null in standalone mode until a file is opened. */
  workbook(): WorkbookPort | null;
  /** Name of the workbook shown to the user (file name in standalone mode). */
  workbookName(): string | null;
  /** Activates the sheet and selects the cell; false where the host cannot (standalone). */
  selectCell(sheet: string, cell: string): Promise<boolean>;
  /** Activates a sheet; false where the host cannot (standalone). */
  activateSheet(sheet: string): Promise<boolean>;
  /** Address of the current selection as `Sheet!A1:D9` (Excel only), to point an input at it. */
  selectedRange?(): Promise<string | null>;
  /** Standalone: opens an .xlsx file chosen by the user. */
  openFile?(file: File): Promise<void>;
  /** Standalone: downloads the workbook (inputs untouched plus the results) as `name`. */
  download?(name?: string): Promise<void>;
  /** Standalone: follows the reading and writing of the file, for a busy indicator; returns the unsubscribe. */
  watchFileProgress?(listener: FileProgressListener): () => void;
  /** Per-user preferences that do not belong in the workbook (e.g. the last pane tab). */
  readonly preferences: { get(key: string): string | null; set(key: string, value: string): void };
}
