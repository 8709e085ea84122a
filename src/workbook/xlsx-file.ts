/** Loading and saving `.xlsx` files in Node (the CLI). The browser build uses XlsxWorkbook on bytes. */
import { randomBytes } from 'node:crypto';
// Through `promises` of 'node:fs', so tests can stub one call to simulate a failing disk.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { XlsxWorkbook } from './xlsx-adapter';
import { WorkbookFileError } from './xlsx-errors';
import { useZipCodec } from './xlsx-zip';
import { nodeZipCodec } from './xlsx-zip-node';

// Files read and written here are in Node: inflate and deflate with its native zlib.
useZipCodec(nodeZipCodec);

export { WorkbookFileError } from './xlsx-errors';

export async function loadXlsxFile(file: string): Promise<XlsxWorkbook> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    throw readError(file, error);
  }
  try {
    return await XlsxWorkbook.fromBuffer(bytes);
  } catch (error) {
    if (error instanceof WorkbookFileError) throw new WorkbookFileError(error.problem, `${file}: ${error.message}`, { cause: error, path: file });
    throw error;
  }
}

/**
 * Saves so that `file` always holds either its previous content or the complete new workbook:
 * the bytes go to a temporary file in the same directory (same file system, so the rename is
 * atomic), are flushed to disk, and the temporary file is then renamed over the target.
 */
export async function saveXlsxFileAtomic(workbook: XlsxWorkbook, file: string): Promise<void> {
  const bytes = await workbook.toBuffer();
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temporary, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw writeError(file, error);
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as NodeJS.ErrnoException).code : undefined;
}

function readError(file: string, error: unknown): WorkbookFileError {
  const code = errorCode(error);
  const options = { cause: error, path: file };
  switch (code) {
    case 'ENOENT':
      return new WorkbookFileError('not-found', `${file}: file not found.`, options);
    case 'EISDIR':
      return new WorkbookFileError('unreadable', `${file} is a folder, not a workbook file.`, options);
    case 'EACCES':
    case 'EPERM':
      return new WorkbookFileError('unreadable', `${file} cannot be read: permission denied.`, options);
    case 'EBUSY':
      return new WorkbookFileError('unreadable', `${file} is locked by another program; close it and try again.`, options);
    default:
      return new WorkbookFileError('unreadable', `${file} cannot be read (${code ?? (error instanceof Error ? error.message : String(error))}).`, options);
  }
}

function writeError(file: string, error: unknown): WorkbookFileError {
  const code = errorCode(error);
  const options = { cause: error, path: file };
  switch (code) {
    case 'ENOENT':
      return new WorkbookFileError('write-failed', `Cannot save ${file}: the folder does not exist.`, options);
    case 'EACCES':
    case 'EPERM':
    case 'EBUSY':
      return new WorkbookFileError('write-failed', `Cannot save ${file}: it is open in another program (Excel?) or write access is denied. Close it and try again.`, options);
    case 'ENOSPC':
      return new WorkbookFileError('write-failed', `Cannot save ${file}: the disk is full.`, options);
    default:
      return new WorkbookFileError('write-failed', `Cannot save ${file} (${error instanceof Error ? error.message : String(error)}); the previous file is unchanged.`, options);
  }
}
