/**
 * The fake Excel host: a FakeWorkbook, `run` and `excelRun` in place of Excel.run, the host's
 * ExcelApi version, and the knobs tests turn (payload limits and the error they raise, injected
 * failures, a cell in edit mode, a host that stops answering), with what tests observe (syncs,
 * the largest request and response, the log of steps Excel carried out). Built from the port
 * contract's fixtures; its snapshot reads the FakeWorkbook directly, never through the adapter.
 */
import type { ExcelBatchRunner } from '../../src/workbook/office-batch';
import { FakeContext, type OpInfo, type RunOptions } from './office-fake-context';
import { dateSerial, FakeOfficeError, parseBox, type FakeCell, type FakeSheet } from './office-fake-model';
import { FakeWorkbook } from './office-fake-workbook';
import type { FixtureCell, SnapshotCell, WorkbookFixture, WorkbookSnapshot } from './port-contract';

interface InjectedFailure {
  match: (step: OpInfo) => boolean;
  remaining: number;
  code: string;
}

function versionAtLeast(have: string, want: string): boolean {
  const [haveMajor, haveMinor] = have.split('.').map(Number);
  const [wantMajor, wantMinor] = want.split('.').map(Number);
  return haveMajor !== wantMajor ? haveMajor > wantMajor : haveMinor >= wantMinor;
}

export class FakeExcelHost {
  /** A workbook of its own, or one shared by hosts that only read it (large fixtures are built once). */
  constructor(readonly book = new FakeWorkbook()) {}

  /** The highest ExcelApi version the host supports (the manifest's minimum by default). */
  apiVersion = '1.7';
  /** Cells a batch may write, and cells it may load (every matrix counted), before Excel rejects it as too large. */
  payloadCellLimit = Infinity;
  /** JSON bytes of the matrices a batch may write, and may load, before Excel rejects it (Excel on the web: 5 MB). */
  payloadByteLimit = Infinity;
  /** Excel on the web often says GeneralException instead of the payload codes; set this to model it. */
  payloadErrorCode: 'PayloadCodes' | 'GeneralException' = 'PayloadCodes';
  /** The user is typing in a cell: batches fail, or with delayForCellEdit wait until endCellEdit(). */
  cellEditMode = false;
  /** Excel stops answering: syncs never return until resume(). */
  hung = false;
  syncCount = 0;
  suspendedCalculation = 0;
  suspendedScreenUpdating = 0;
  /** The largest request and response Excel accepted, in cells and JSON bytes (bytes only while a byte limit is set). */
  readonly largest = { requestCells: 0, requestBytes: 0, responseCells: 0, responseBytes: 0 };
  /** The options of every Excel.run through excelRun. */
  readonly runOptions: RunOptions[] = [];
  /** Every step Excel carried out, in order. */
  readonly log: OpInfo[] = [];
  private readonly failures: InjectedFailure[] = [];
  private waiting: (() => void)[] = [];
  private readonly hangMatchers: ((step: OpInfo) => boolean)[] = [];

  readonly run: ExcelBatchRunner = (batch) => this.runWith({}, batch);

  /** `Excel.run(options, batch)`, the overload the add-in's runner uses. */
  readonly excelRun = <T>(options: RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.runOptions.push({ ...options });
    return this.runWith(options, batch);
  };

  private async runWith<T>(options: RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const context = new FakeContext(this, options);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pendingOperations > 0) throw new Error(`The batch ended with ${context.pendingOperations} queued operations that were never synced.`);
    return result;
  }

  /** Before a sync is processed: a hung host never answers; in cell edit mode a batch fails unless it may wait. */
  async whenResponsive(options: RunOptions): Promise<void> {
    while (this.hung || this.cellEditMode) {
      if (!this.hung && !options.delayForCellEdit) throw new FakeOfficeError('InvalidOperationInCellEditMode', "The operation isn't available while Excel is in Edit cell mode.");
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  /** The user presses Enter: held batches go on. */
  endCellEdit(): void {
    this.cellEditMode = false;
    this.wake();
  }

  resume(): void {
    this.hung = false;
    this.wake();
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    waiting.forEach((resolve) => resolve());
  }

  noteRequest(cells: number, bytes: number): void {
    this.largest.requestCells = Math.max(this.largest.requestCells, cells);
    this.largest.requestBytes = Math.max(this.largest.requestBytes, bytes);
  }

  noteResponse(cells: number, bytes: number): void {
    this.largest.responseCells = Math.max(this.largest.responseCells, cells);
    this.largest.responseBytes = Math.max(this.largest.responseBytes, bytes);
  }

  payloadError(code: string, message: string): FakeOfficeError {
    return this.payloadErrorCode === 'GeneralException' ? new FakeOfficeError('GeneralException', 'There was an internal error while processing the request.') : new FakeOfficeError(code, message);
  }

  readonly supports = (version: string): boolean => versionAtLeast(this.apiVersion, version);

  requireApi(version: string, what: string): void {
    if (!this.supports(version)) throw new FakeOfficeError('ApiNotFound', `${what} needs ExcelApi ${version}; this host has ${this.apiVersion}.`);
  }

  /** Makes the next `times` steps that match fail with `code`, as Excel would reject them. */
  failWhen(match: (step: OpInfo) => boolean, options: { times?: number; code?: string } = {}): void {
    this.failures.push({ match, remaining: options.times ?? 1, code: options.code ?? 'GeneralException' });
  }

  /** Excel stops answering after the first step that matches: from the next sync on, until resume(). */
  hangAfter(match: (step: OpInfo) => boolean): void {
    this.hangMatchers.push(match);
  }

  beforeStep(step: OpInfo): void {
    const hang = this.hangMatchers.findIndex((candidate) => candidate(step));
    if (hang >= 0) {
      this.hangMatchers.splice(hang, 1);
      this.hung = true;
    }
    const failure = this.failures.find((candidate) => candidate.remaining > 0 && candidate.match(step));
    if (!failure) return;
    failure.remaining--;
    throw new FakeOfficeError(failure.code, `Injected failure at ${step.kind}${step.sheet ? ` on ${step.sheet}` : ''}.`);
  }

  /** The workbook of a contract fixture, as a user would have it: dates shown with a date format, formulas with cached results. */
  static fromFixture(fixture: WorkbookFixture): FakeExcelHost {
    const host = new FakeExcelHost();
    for (const sheetFixture of fixture.sheets) {
      const sheet = host.book.addSheet(sheetFixture.name);
      sheetFixture.rows.forEach((row, r) => row.forEach((value, c) => putFixtureCell(sheet, r, c, value)));
    }
    for (const table of fixture.tables ?? []) {
      const sheet = host.book.sheet(table.sheet)!;
      host.book.addTable(sheet, parseBox(table.ref)!, true, table.name);
    }
    return host;
  }
}

function putFixtureCell(sheet: FakeSheet, row: number, column: number, value: FixtureCell): void {
  if (value !== null && typeof value === 'object' && 'formula' in value) {
    const cell = fixtureValue(sheet, row, column, value.result);
    sheet.setCell(row, column, { ...(cell ?? { kind: 'String', value: '' }), formula: `=${value.formula}` });
    return;
  }
  sheet.setCell(row, column, fixtureValue(sheet, row, column, value));
}

function fixtureValue(sheet: FakeSheet, row: number, column: number, value: FixtureCell): FakeCell | undefined {
  if (value === null || value === '') return undefined;
  if (value instanceof Date) {
    // Excel's default short date, not the adapter's own format: reading must recognise any date format.
    sheet.setFormat(row, column, 'm/d/yyyy');
    return { kind: 'Double', value: dateSerial(value) };
  }
  switch (typeof value) {
    case 'string':
      return { kind: 'String', value };
    case 'number':
      return { kind: 'Double', value };
    case 'boolean':
      return { kind: 'Boolean', value };
    default:
      return 'error' in value ? { kind: 'Error', value: value.error } : undefined;
  }
}

/** What a person sees in a cell, judged independently of the adapter: date formats are those with a day or year code. */
function snapshotCell(sheet: FakeSheet, row: number, column: number): SnapshotCell {
  const cell = sheet.cell(row, column);
  if (!cell) return null;
  if (cell.formula !== undefined) return { formula: cell.formula.replace(/^=/, '') };
  switch (cell.kind) {
    case 'String':
      return cell.value === '' ? null : cell.value;
    case 'Boolean':
      return cell.value;
    case 'Error':
      return { error: cell.value };
    case 'Double': {
      const format = sheet.format(row, column).replace(/"[^"]*"/g, '');
      return /[dy]/i.test(format) ? new Date(Math.round((cell.value - 25569) * 86_400_000)) : cell.value;
    }
  }
}

export function snapshotOf(host: FakeExcelHost): WorkbookSnapshot {
  const { book } = host;
  const cells: Record<string, SnapshotCell[][]> = {};
  for (const sheet of book.sheets) {
    const used = sheet.usedBox();
    const rows = used ? used.row + used.rows : 0;
    const columns = used ? used.column + used.columns : 0;
    cells[sheet.name] = Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => snapshotCell(sheet, r, c)));
  }
  const tables = book.tables.map((table) => {
    const { row, column, rows, columns } = table.box;
    const letters = (n: number): string => (n < 26 ? String.fromCharCode(65 + n) : letters(Math.floor(n / 26) - 1) + String.fromCharCode(65 + (n % 26)));
    return { name: table.name, sheet: book.sheetById(table.sheetId)!.name, ref: `${letters(column)}${row + 1}:${letters(column + columns - 1)}${row + rows}` };
  });
  return { sheetNames: book.sheets.map((sheet) => sheet.name), tables, cells };
}
