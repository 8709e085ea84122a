/**
 * The workbook the pane works on; in standalone mode it changes when the user opens a file. A file
 * that fails to open leaves the pane with no workbook (and the error): nothing of the previous
 * workbook (its name, inputs, issues, results or scenario) stays on screen as if it were the file
 * the user just chose. The session keeps its previous workbook; the pane no longer shows it.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { WorkbookPort } from '../../workbook/port';
import type { HostSession } from '../host/session';

/** The file being read or written right now (standalone), with how far it is (0 when the host cannot tell). */
export interface FileActivity {
  stage: 'open' | 'save';
  fraction: number;
}

export interface WorkbookState {
  port: WorkbookPort | null;
  name: string | null;
  opening: boolean;
  /** Null when no file is being read or written. */
  fileActivity: FileActivity | null;
  openError: string | null;
  /** Standalone: opens an .xlsx file (absent in Excel). */
  open?: (file: File) => Promise<void>;
}

export function useWorkbook(session: HostSession): WorkbookState {
  const [generation, setGeneration] = useState(0);
  const [opening, setOpening] = useState(false);
  const [openError, setOpenError] = useState<string | null>(null);
  /** True after a failed open, until a file opens. */
  const [dropped, setDropped] = useState(false);
  // A new generation after each opened file: the session hands out a new port.
  const port = useMemo(() => (dropped ? null : session.workbook()), [session, generation, dropped]);
  const name = useMemo(() => (dropped ? null : session.workbookName()), [session, generation, dropped]);

  const [fileActivity, setFileActivity] = useState<FileActivity | null>(null);
  useEffect(() => session.watchFileProgress?.((stage, fraction) => setFileActivity(fraction >= 1 ? null : { stage, fraction })), [session]);

  const openFile = session.openFile?.bind(session);
  const open = useCallback(
    async (file: File) => {
      if (!openFile) return;
      setOpening(true);
      setOpenError(null);
      try {
        await openFile(file);
        setDropped(false);
        setGeneration((g) => g + 1);
      } catch (error) {
        setDropped(true);
        setOpenError(`${file.name}: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        setOpening(false);
      }
    },
    [openFile],
  );
  return { port, name, opening, fileActivity, openError, open: openFile ? open : undefined };
}
