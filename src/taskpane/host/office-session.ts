/**
 * HostSession inside Excel: the open workbook through Office.js (OfficeWorkbook), navigation by
 * activating sheets and selecting cells, and per-user preferences in the add-in's local storage.
 * Every batch goes through createExcelRunner: `Excel.run` with `delayForCellEdit` (a Run pressed
 * while a cell is being edited waits for the edit to end) and a time limit on each sync.
 * Loaded only in Excel mode (load-session.ts); every Office-specific line of the pane is here or
 * in src/workbook/office-*.ts.
 */
import { OfficeWorkbook } from '../../workbook/office-adapter';
import type { ExcelApiSupport, ExcelBatchRunner } from '../../workbook/office-batch';
import { createExcelRunner, type ExcelRun } from '../../workbook/office-run';
import type { WorkbookPort } from '../../workbook/port';
import type { HostSession } from './session';
import { browserPreferences } from './standalone-session';

type Preferences = HostSession['preferences'];

/** What the session needs from Office; tests pass fakes, Excel mode the real globals. */
export interface OfficeSessionDependencies {
  /** A ready runner; by default `Excel.run` through createExcelRunner. */
  run?: ExcelBatchRunner;
  supports?: ExcelApiSupport;
  preferences?: Preferences;
  /** The time limit on one sync (office-run.ts SYNC_TIMEOUT_MS by default). */
  syncTimeoutMs?: number;
}

/** Shown when the host cannot tell the workbook's name (Workbook.name is ExcelApi 1.7). */
export const FALLBACK_WORKBOOK_NAME = 'Workbook';

export class OfficeSession implements HostSession {
  readonly mode = 'excel' as const;
  private readonly port: OfficeWorkbook;

  constructor(
    private readonly run: ExcelBatchRunner,
    supports: ExcelApiSupport,
    private readonly name: string,
    readonly preferences: Preferences,
  ) {
    this.port = new OfficeWorkbook(run, { supports });
  }

  workbook(): WorkbookPort {
    return this.port;
  }

  workbookName(): string {
    return this.name;
  }

  async selectCell(sheet: string, cell: string): Promise<boolean> {
    return this.attempt(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(cell).select();
      await context.sync();
    });
  }

  async activateSheet(sheet: string): Promise<boolean> {
    return this.attempt(async (context) => {
      context.workbook.worksheets.getItem(sheet).activate();
      await context.sync();
    });
  }

  /** `Sheet1!A1:D9` (sheet quoted when needed); null when the selection is not cells (a chart, a shape). */
  async selectedRange(): Promise<string | null> {
    try {
      return await this.run(async (context) => {
        const range = context.workbook.getSelectedRange().load('address');
        await context.sync();
        return range.address;
      });
    } catch {
      return null;
    }
  }

  /** Navigation is a convenience: a sheet that was renamed or deleted meanwhile is not an error. */
  private async attempt(batch: (context: Excel.RequestContext) => Promise<void>): Promise<boolean> {
    try {
      await this.run(batch);
      return true;
    } catch {
      return false;
    }
  }
}

/** `Excel.run(options, batch)` of office.js, looked up when called. */
const officeExcelRun: ExcelRun = (options, batch) => Excel.run(options, batch);

export async function createOfficeSession(dependencies: OfficeSessionDependencies = {}): Promise<HostSession> {
  const run: ExcelBatchRunner = dependencies.run ?? createExcelRunner({ excelRun: officeExcelRun, syncTimeoutMs: dependencies.syncTimeoutMs });
  const supports: ExcelApiSupport = dependencies.supports ?? ((version) => Office.context.requirements.isSetSupported('ExcelApi', version));
  const [name, preferences] = await Promise.all([workbookName(run, supports), dependencies.preferences ?? helperPreferences()]);
  return new OfficeSession(run, supports, name, preferences);
}

async function workbookName(run: ExcelBatchRunner, supports: ExcelApiSupport): Promise<string> {
  if (!supports('1.7')) return FALLBACK_WORKBOOK_NAME;
  try {
    return await run(async (context) => {
      context.workbook.load('name');
      await context.sync();
      return context.workbook.name || FALLBACK_WORKBOOK_NAME;
    });
  } catch {
    return FALLBACK_WORKBOOK_NAME;
  }
}

/**
 * Preferences through office-js-helpers' Storage (one `spp` container in localStorage). Storage
 * revives ISO-date-like strings as Dates, so those are turned back into text. Where storage is
 * unavailable (privacy modes, sandboxed frames) the plain localStorage fallback takes over, which
 * itself degrades to remembering nothing.
 */
async function helperPreferences(): Promise<Preferences> {
  try {
    const { Storage, StorageType } = await import(/* webpackChunkName: "office-helpers" */ '@microsoft/office-js-helpers');
    const storage = new Storage<unknown>('spp', StorageType.LocalStorage);
    return {
      get(key) {
        try {
          const value = storage.get(key);
          if (value instanceof Date) return value.toISOString();
          return typeof value === 'string' ? value : null;
        } catch {
          return null;
        }
      },
      set(key, value) {
        try {
          storage.set(key, value);
        } catch {
          // Quota exceeded or storage disabled: a preference is not worth an error.
        }
      },
    };
  } catch {
    return browserPreferences();
  }
}
