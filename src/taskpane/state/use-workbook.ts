/** The workbook the pane works on; in standalone mode it changes when the user opens a file. */
import { useCallback, useMemo, useState } from 'react';
import type { WorkbookPort } from '../../workbook/port';
import type { HostSession } from '../host/session';

export interface WorkbookState {
  port: WorkbookPort | null;
  name: string | null;
  opening: boolean;
  openError: string | null;
  /** Standalone: opens an .xlsx file (absent in Excel). */
  open?: (file: File) => Promise<void>;
}

export function useWorkbook(session: HostSession): WorkbookState {
  const [generation, setGeneration] = useState(0);
  const [opening, setOpening] = useState(false);
  const [openError, setOpenError] = useState<string | null>(null);
  // A new generation after each opened file: the session hands out a new port.
  const port = useMemo(() => session.workbook(), [session, generation]);
  const name = useMemo(() => session.workbookName(), [session, generation]);

  const openFile = session.openFile?.bind(session);
  const open = useCallback(
    async (file: File) => {
      if (!openFile) return;
      setOpening(true);
      setOpenError(null);
      try {
        await openFile(file);
        setGeneration((g) => g + 1);
      } catch (error) {
        setOpenError(error instanceof Error ? error.message : String(error));
      } finally {
        setOpening(false);
      }
    },
    [openFile],
  );
  return { port, name, opening, openError, open: openFile ? open : undefined };
}
