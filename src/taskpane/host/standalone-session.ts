/**
 * HostSession for a plain browser: the user opens an .xlsx file, the pipeline works on it through
 * the file host's XlsxWorkbook, and the result is downloaded as `<name>-results.xlsx`. The workbook
 * lives in a Web Worker (xlsx.worker.ts), so reading and writing a large file never freezes the
 * page; without Workers (tests) it is loaded in the page, on first use, so it never reaches the
 * Excel-mode bundle.
 */
import type { WorkbookPort } from '../../workbook/port';
import type { FileProgressListener, HostSession } from './session';
import { WorkerWorkbook, type XlsxWorkerLike } from './worker-workbook';

interface OpenWorkbook extends WorkbookPort {
  toBuffer(): Promise<Uint8Array>;
  close?(): void;
}

/** webpack 5 turns this `new Worker(new URL(...))` into a separate worker bundle. */
function createXlsxWorker(): XlsxWorkerLike {
  return new Worker(new URL('./xlsx.worker.ts', import.meta.url), { name: 'spp-xlsx' }) as unknown as XlsxWorkerLike;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const XLSM_MIME = 'application/vnd.ms-excel.sheet.macroEnabled.12';

/** Preferences in localStorage; storage can be missing or throw (privacy modes, sandboxed frames). */
export function browserPreferences(prefix = 'spp:'): HostSession['preferences'] {
  const storage = (): Storage | null => {
    try {
      return typeof localStorage === 'undefined' ? null : localStorage;
    } catch {
      return null;
    }
  };
  return {
    get(key) {
      try {
        return storage()?.getItem(prefix + key) ?? null;
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        storage()?.setItem(prefix + key, value);
      } catch {
        // Quota exceeded or storage disabled: a preference is not worth an error.
      }
    },
  };
}

/** `Plan 2025.xlsx` → `Plan 2025-results.xlsx`; a macro-enabled `.xlsm` stays `.xlsm` (its package keeps the VBA project). */
export function resultsFileName(name: string | null): string {
  const macro = /\.xlsm$/i.test(name ?? '');
  const base = (name ?? 'workbook').replace(/\.xls[xm]$/i, '') || 'workbook';
  return `${base}-results.${macro ? 'xlsm' : 'xlsx'}`;
}

/** Saves bytes as a file through a temporary object URL and a clicked anchor. */
export function saveBytes(bytes: Uint8Array, fileName: string, mime = XLSX_MIME): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Revoking at once can cancel the download in some browsers; give it time.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function readFileBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(file);
  });
}

export class StandaloneSession implements HostSession {
  readonly mode = 'standalone' as const;
  readonly preferences = browserPreferences();
  private current: { workbook: OpenWorkbook; name: string } | null = null;
  private readonly progressListeners = new Set<FileProgressListener>();

  /** Progress of opening and saving the file (start, the worker's steps, end), for the page's busy indicator. */
  watchFileProgress(listener: FileProgressListener): () => void {
    this.progressListeners.add(listener);
    return () => void this.progressListeners.delete(listener);
  }

  private progress(stage: 'open' | 'save', fraction: number): void {
    for (const listener of this.progressListeners) listener(stage, fraction);
  }

  /** Reports the start of `stage`, runs it, and reports its end whether it succeeded or failed. */
  private async withProgress<T>(stage: 'open' | 'save', work: () => Promise<T>): Promise<T> {
    this.progress(stage, 0);
    try {
      return await work();
    } finally {
      this.progress(stage, 1);
    }
  }

  workbook(): WorkbookPort | null {
    return this.current?.workbook ?? null;
  }

  workbookName(): string | null {
    return this.current?.name ?? null;
  }

  async openFile(file: File): Promise<void> {
    const workbook = await this.withProgress('open', async (): Promise<OpenWorkbook> => {
      const bytes = await readFileBytes(file);
      if (typeof Worker === 'function') return WorkerWorkbook.open(createXlsxWorker(), bytes, (stage, fraction) => fraction < 1 && this.progress(stage, fraction));
      const { XlsxWorkbook } = await import(/* webpackChunkName: "xlsx" */ '../../workbook/xlsx-adapter');
      return XlsxWorkbook.fromBuffer(bytes);
    });
    // Only a workbook that loaded replaces the current one.
    this.current?.workbook.close?.();
    this.current = { workbook, name: file.name };
  }

  async download(name?: string): Promise<void> {
    const current = this.current;
    if (!current) throw new Error('Open a workbook first.');
    const fileName = name ?? resultsFileName(current.name);
    const bytes = await this.withProgress('save', () => current.workbook.toBuffer());
    saveBytes(bytes, fileName, /\.xlsm$/i.test(fileName) ? XLSM_MIME : XLSX_MIME);
  }

  async selectCell(): Promise<boolean> {
    return false;
  }

  async activateSheet(): Promise<boolean> {
    return false;
  }
}

export function createStandaloneSession(): HostSession {
  return new StandaloneSession();
}
