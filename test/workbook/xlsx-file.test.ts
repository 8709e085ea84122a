import * as ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { XlsxWorkbook } from '../../src/workbook/xlsx-adapter';
import { loadXlsxFile, saveXlsxFileAtomic, WorkbookFileError } from '../../src/workbook/xlsx-file';

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'spp-xlsx-file-'));
});

afterEach(async () => {
  jest.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

async function workbookWith(value: string): Promise<XlsxWorkbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Parts').getCell('A1').value = value;
  return XlsxWorkbook.fromBuffer((await workbook.xlsx.writeBuffer()) as unknown as Uint8Array);
}

async function a1Of(file: string): Promise<unknown> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.getWorksheet('Parts')?.getCell('A1').value;
}

describe('loadXlsxFile', () => {
  test('loads a workbook file', async () => {
    const file = path.join(dir, 'in.xlsx');
    await saveXlsxFileAtomic(await workbookWith('hello'), file);
    expect(await a1Of(file)).toBe('hello');
  });

  test.each([
    ['a missing file', (d: string) => path.join(d, 'missing.xlsx'), 'not-found', /missing\.xlsx: file not found/],
    ['a folder', (d: string) => d, 'unreadable', /is a folder/],
  ])('%s gives a WorkbookFileError', async (_, target, problem, message) => {
    const file = target(dir);
    const error = await loadXlsxFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect(error).toMatchObject({ problem, path: file });
    expect((error as Error).message).toMatch(message);
  });

  test('a CSV named .xlsx gives a WorkbookFileError naming the file', async () => {
    const file = path.join(dir, 'demand.xlsx');
    await fs.writeFile(file, 'PartID,LocationID,Period,Quantity\nPN-1,AMS,2025-01,2\n');
    const error = await loadXlsxFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect(error).toMatchObject({ problem: 'not-xlsx', path: file });
    expect((error as Error).message).toBe(`${file}: The file is not an Excel .xlsx workbook (a CSV or text file renamed .xlsx?). Save it in Excel as .xlsx.`);
  });
});

describe('saveXlsxFileAtomic', () => {
  const leftovers = async () => (await fs.readdir(dir)).filter((name) => name.endsWith('.tmp'));

  async function existingTarget(): Promise<{ file: string; bytes: Buffer }> {
    const file = path.join(dir, 'results.xlsx');
    await saveXlsxFileAtomic(await workbookWith('previous run'), file);
    return { file, bytes: await fs.readFile(file) };
  }

  test('replaces an existing file and leaves no temporary file', async () => {
    const { file } = await existingTarget();
    await saveXlsxFileAtomic(await workbookWith('new run'), file);
    expect(await a1Of(file)).toBe('new run');
    expect(await leftovers()).toEqual([]);
  });

  test('a failure while writing leaves the previous file byte-identical and removes the partial temporary file', async () => {
    const { file, bytes } = await existingTarget();
    const realOpen = fs.open.bind(fs);
    let partial = '';
    jest.spyOn(fs, 'open').mockImplementationOnce(async (target, flags) => {
      partial = String(target);
      const handle = await realOpen(target, flags);
      const realWrite = handle.writeFile.bind(handle);
      handle.writeFile = async (data: Parameters<typeof realWrite>[0]) => {
        await realWrite((data as Uint8Array).subarray(0, 100));
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      };
      return handle;
    });

    const error = await saveXlsxFileAtomic(await workbookWith('new run'), file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect(error).toMatchObject({ problem: 'write-failed', message: `Cannot save ${file}: the disk is full.` });
    expect(path.dirname(partial)).toBe(dir); // the temporary file was in the target's folder
    expect(await fs.readFile(file)).toEqual(bytes);
    expect(await leftovers()).toEqual([]);
  });

  test('a failure to replace the target (file open in Excel) leaves it byte-identical and removes the temporary file', async () => {
    const { file, bytes } = await existingTarget();
    jest.spyOn(fs, 'rename').mockRejectedValueOnce(Object.assign(new Error('resource busy or locked'), { code: 'EBUSY' }));
    const error = await saveXlsxFileAtomic(await workbookWith('new run'), file).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/open in another program \(Excel\?\)/);
    expect(await fs.readFile(file)).toEqual(bytes);
    expect(await leftovers()).toEqual([]);
  });

  test('a workbook that cannot be serialized leaves the target untouched', async () => {
    const { file, bytes } = await existingTarget();
    await expect(saveXlsxFileAtomic(XlsxWorkbook.empty(), file)).rejects.toThrow(/without sheets/);
    expect(await fs.readFile(file)).toEqual(bytes);
    expect(await leftovers()).toEqual([]);
  });

  test('a missing folder is reported as such', async () => {
    const file = path.join(dir, 'no-such-folder', 'out.xlsx');
    await expect(saveXlsxFileAtomic(await workbookWith('x'), file)).rejects.toThrow(`Cannot save ${file}: the folder does not exist.`);
  });
});
