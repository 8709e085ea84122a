/**
 * A fake Excel.RequestContext over a FakeWorkbook, with Office.js's batching semantics:
 * - Setters and methods only queue; the workbook changes at `sync()`, in queue order. A failing
 *   step rejects the sync, keeps what ran before it and drops the rest of the queue.
 * - Properties are readable only after `load()` and a sync; before that they read as
 *   office-addin-mock's "Error, property was not loaded" (collections' `items` throws).
 * - Every sync is counted; request and response sizes (cells written and loaded, and their JSON
 *   bytes) are checked against limits, failing like Excel on the web with the payload error codes
 *   (or with `GeneralException`, as Excel on the web often reports them).
 * - While the user edits a cell, a batch fails (`InvalidOperationInCellEditMode`) unless it was
 *   run with `delayForCellEdit`, which holds it until the edit ends; a host can also hang.
 * - APIs above the host's ExcelApi version fail at sync with `ApiNotFound`.
 */
import type { Shift } from './office-fake-formulas';
import type { FakeExcelHost } from './office-fake-host';
import { boxAddress, FakeOfficeError, FakeSheet, MAX_COLUMNS, MAX_ROWS, NOT_LOADED, parseBox, sheetPrefix, splitAddress, type Box, type FakeChart, type FakeSeries, type FakeTable, type FakeValidation } from './office-fake-model';

export interface OpInfo {
  kind: string;
  /** The sheet the step works on, by its name when the step runs. */
  sheet?: string;
  /** A new name, for renames and adds. */
  target?: string;
}

interface Op {
  kind: string;
  sheet?: () => string | undefined;
  target?: string;
  requestCells: number;
  requestBytes: number;
  run: () => void;
}

export interface RunOptions {
  delayForCellEdit?: boolean;
}

type Resolver<T> = () => T | null;

export class FakeContext {
  readonly workbook: FakeWorkbookProxy;
  private queue: Op[] = [];
  private staged: { cells: number; bytes: number; commit: () => void }[] | null = null;

  constructor(
    readonly host: FakeExcelHost,
    readonly options: RunOptions = {},
  ) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  get pendingOperations(): number {
    return this.queue.length;
  }

  enqueue(kind: string, run: () => void, details: { sheet?: () => string | undefined; target?: string; requestCells?: number; requestBytes?: number } = {}): void {
    this.queue.push({ kind, run, sheet: details.sheet, target: details.target, requestCells: details.requestCells ?? 0, requestBytes: details.requestBytes ?? 0 });
  }

  /** Called by a load step while it runs: the loaded values reach the proxy only if the whole sync succeeds. */
  stageLoad(cells: number, commit: () => void, bytes = 0): void {
    this.staged?.push({ cells, bytes, commit });
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    await this.host.whenResponsive(this.options);
    this.host.syncCount++;
    const ops = this.queue;
    this.queue = [];
    const requestCells = ops.reduce((sum, op) => sum + op.requestCells, 0);
    const requestBytes = ops.reduce((sum, op) => sum + op.requestBytes, 0);
    if (requestCells > this.host.payloadCellLimit || requestBytes > this.host.payloadByteLimit) {
      throw this.host.payloadError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    }
    this.host.noteRequest(requestCells, requestBytes);
    this.staged = [];
    try {
      for (const op of ops) {
        const info: OpInfo = { kind: op.kind, sheet: op.sheet?.(), target: op.target };
        this.host.beforeStep(info);
        op.run();
        this.host.log.push(info);
      }
      const responseCells = this.staged.reduce((sum, load) => sum + load.cells, 0);
      const responseBytes = this.staged.reduce((sum, load) => sum + load.bytes, 0);
      if (responseCells > this.host.payloadCellLimit || responseBytes > this.host.payloadByteLimit) {
        throw this.host.payloadError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
      }
      this.host.noteResponse(responseCells, responseBytes);
      for (const load of this.staged) load.commit();
    } finally {
      this.staged = null;
    }
  }
}

function loadList(arg: unknown): string[] {
  if (arg === undefined) throw new Error('The fake wants explicit load() properties: the adapter must load only what it uses.');
  const text = typeof arg === 'string' ? arg : Array.isArray(arg) ? arg.join(',') : String((arg as { select?: string }).select ?? '');
  return text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

/** Base of every proxy: `load()` queues a read, properties answer from what was loaded. */
abstract class FakeClientObject {
  protected readonly loaded = new Map<string, unknown>();

  constructor(readonly context: FakeContext) {}

  load(properties?: string | string[] | { select?: string }): this {
    const names = loadList(properties);
    this.context.enqueue('load', () => {
      const values = names.map((name) => [name, this.readProperty(name)] as const);
      const matrices = values.filter(([, value]) => Array.isArray(value) && Array.isArray(value[0]));
      const cells = matrices.reduce((sum, [, value]) => sum + (value as unknown[][]).length * (value as unknown[][])[0].length, 0);
      // The response's size as Office.js's JSON would carry it, when a byte limit is set.
      const bytes = Number.isFinite(this.context.host.payloadByteLimit) ? matrices.reduce((sum, [, value]) => sum + JSON.stringify(value).length, 0) : 0;
      this.context.stageLoad(cells, () => values.forEach(([name, value]) => this.loaded.set(name, value)), bytes);
    });
    return this;
  }

  protected property<T>(name: string): T {
    return (this.loaded.has(name) ? this.loaded.get(name) : NOT_LOADED) as T;
  }

  /** For collections loading their items: read now (inside a sync), remember after it. */
  readForLoad(name: string): unknown {
    return this.readProperty(name);
  }

  acceptLoaded(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  /** The current value of a loadable property, read inside Excel while a sync runs. */
  protected abstract readProperty(name: string): unknown;
}

function resolved<T>(resolve: Resolver<T>, what: string): T {
  const value = resolve();
  if (value === null) throw new FakeOfficeError('ItemNotFound', `${what} does not exist.`);
  return value;
}

function unknownProperty(owner: string, name: string): never {
  throw new Error(`The fake ${owner} has no loadable property ${name}.`);
}

/** A loadable `protected` flag: Worksheet.protection (ExcelApi 1.2) and Workbook.protection (ExcelApi 1.7). */
class FakeProtection extends FakeClientObject {
  constructor(
    context: FakeContext,
    private readonly read: () => boolean,
    private readonly version: string,
  ) {
    super(context);
  }

  get protected(): boolean {
    return this.property('protected');
  }

  protected readProperty(name: string): unknown {
    if (name !== 'protected') return unknownProperty('Protection', name);
    this.context.host.requireApi(this.version, 'protection');
    return this.read();
  }
}

export class FakeWorkbookProxy extends FakeClientObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;
  readonly protection: FakeProtection;

  constructor(context: FakeContext) {
    super(context);
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, null);
    this.application = new FakeApplication(context);
    this.protection = new FakeProtection(context, () => context.host.book.structureProtected, '1.7');
  }

  get name(): string {
    return this.property('name');
  }

  getSelectedRange(): FakeRange {
    const book = this.context.host.book;
    return new FakeRange(this.context, () => {
      const selection = book.selection;
      const sheet = selection && book.sheetById(selection.sheetId);
      return sheet && selection ? { sheet, box: selection.box } : null;
    });
  }

  protected readProperty(name: string): unknown {
    if (name === 'name') {
      this.context.host.requireApi('1.7', 'Workbook.name');
      return this.context.host.book.name;
    }
    return unknownProperty('Workbook', name);
  }
}

class FakeApplication {
  constructor(private readonly context: FakeContext) {}

  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue('application.suspendApiCalculationUntilNextSync', () => {
      this.context.host.requireApi('1.6', 'Application.suspendApiCalculationUntilNextSync');
      this.context.host.suspendedCalculation++;
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.context.enqueue('application.suspendScreenUpdatingUntilNextSync', () => {
      this.context.host.requireApi('1.9', 'Application.suspendScreenUpdatingUntilNextSync');
      this.context.host.suspendedScreenUpdating++;
    });
  }
}

/** Collections load their items' properties: `load('items/name')` or `load('name')`. */
abstract class FakeCollection<T extends FakeClientObject> {
  private loadedItems: T[] | null = null;

  constructor(readonly context: FakeContext) {}

  get items(): T[] {
    if (!this.loadedItems) throw new FakeOfficeError('PropertyNotLoaded', 'The collection was not loaded.');
    return this.loadedItems;
  }

  load(properties?: string | string[] | { select?: string }): this {
    const names = loadList(properties).map((name) => name.replace(/^items\//, ''));
    this.context.enqueue('load', () => {
      const items = this.currentItems();
      const values = items.map((item) => names.map((name) => [name, item.readForLoad(name)] as const));
      this.context.stageLoad(0, () => {
        items.forEach((item, i) => values[i].forEach(([name, value]) => item.acceptLoaded(name, value)));
        this.loadedItems = items;
      });
    });
    return this;
  }

  protected abstract currentItems(): T[];
}

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.host.book.sheet(key) ?? null, `Worksheet ${key}`);
  }

  add(name: string): FakeWorksheet {
    let added: FakeSheet | null = null;
    this.context.enqueue('worksheets.add', () => (added = this.context.host.book.addSheet(name)), { target: name, sheet: () => name });
    return new FakeWorksheet(this.context, () => added, `Worksheet ${name}`);
  }

  protected currentItems(): FakeWorksheet[] {
    return this.context.host.book.sheets.map((sheet) => new FakeWorksheet(this.context, () => (this.context.host.book.sheets.includes(sheet) ? sheet : null), `Worksheet ${sheet.name}`));
  }
}

export class FakeWorksheet extends FakeClientObject {
  readonly tables: FakeTableCollection;
  readonly charts: FakeChartCollection;
  readonly freezePanes: { freezeRows(count: number): void; unfreeze(): void };
  readonly notes: FakeNoteCollection;
  readonly protection: FakeProtection;

  constructor(
    context: FakeContext,
    readonly resolve: Resolver<FakeSheet>,
    private readonly what: string,
  ) {
    super(context);
    this.tables = new FakeTableCollection(context, () => this.sheet());
    this.charts = new FakeChartCollection(context, () => this.sheet());
    const sheetName = (): string | undefined => this.resolve()?.name;
    this.freezePanes = {
      freezeRows: (count) => context.enqueue('worksheet.freezeRows', () => (this.sheet().frozenRows = count), { sheet: sheetName }),
      unfreeze: () =>
        context.enqueue(
          'worksheet.unfreeze',
          () => {
            context.host.requireApi('1.7', 'WorksheetFreezePanes.unfreeze');
            this.sheet().frozenRows = 0;
          },
          { sheet: sheetName },
        ),
    };
    this.notes = new FakeNoteCollection(context, () => this.sheet(), sheetName);
    this.protection = new FakeProtection(context, () => this.sheet().isProtected, '1.2');
  }

  sheet(): FakeSheet {
    return resolved(this.resolve, this.what);
  }

  get id(): string {
    return this.property('id');
  }

  get name(): string {
    return this.property('name');
  }

  set name(name: string) {
    this.context.enqueue('worksheet.rename', () => this.context.host.book.renameSheet(this.sheet(), name), { sheet: () => this.resolve()?.name, target: name });
  }

  get position(): number {
    return this.property('position');
  }

  set position(position: number) {
    this.context.enqueue('worksheet.position', () => this.context.host.book.moveSheet(this.sheet(), position), { sheet: () => this.resolve()?.name, target: String(position) });
  }

  get visibility(): string {
    return this.property('visibility');
  }

  set visibility(visibility: 'Visible' | 'Hidden' | 'VeryHidden') {
    this.context.enqueue('worksheet.visibility', () => (this.sheet().visibility = visibility), { sheet: () => this.resolve()?.name, target: visibility });
  }

  delete(): void {
    this.context.enqueue('worksheet.delete', () => this.context.host.book.deleteSheet(this.sheet()), { sheet: () => this.resolve()?.name });
  }

  activate(): void {
    this.context.enqueue(
      'worksheet.activate',
      () => {
        const sheet = this.sheet();
        if (sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'A hidden sheet cannot be activated.');
        this.context.host.book.activeSheetId = sheet.id;
      },
      { sheet: () => this.resolve()?.name },
    );
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.resolve();
      const box = parseBox(splitAddress(address).a1);
      if (!box) throw new FakeOfficeError('InvalidArgument', `Invalid address ${address}.`);
      return sheet && { sheet, box };
    });
  }

  getRangeByIndexes(row: number, column: number, rows: number, columns: number): FakeRange {
    return new FakeRange(this.context, () => {
      if (row < 0 || column < 0 || rows < 1 || columns < 1) throw new FakeOfficeError('InvalidArgument', `Invalid range indexes ${row}, ${column}, ${rows}, ${columns}.`);
      const sheet = this.resolve();
      return sheet && { sheet, box: { row, column, rows, columns } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const sheet = this.sheet();
        const box = sheet.usedBox(valuesOnly);
        return box && { sheet, box };
      },
      true,
    );
  }

  protected readProperty(name: string): unknown {
    const sheet = this.sheet();
    switch (name) {
      case 'id':
        return sheet.id;
      case 'name':
        return sheet.name;
      case 'visibility':
        return sheet.visibility;
      case 'position':
        return this.context.host.book.sheets.indexOf(sheet);
      default:
        return unknownProperty('Worksheet', name);
    }
  }
}

export class FakeRange extends FakeClientObject {
  readonly format: FakeRangeFormat;
  private readonly nullable: boolean;

  constructor(
    context: FakeContext,
    private readonly resolve: Resolver<{ sheet: FakeSheet; box: Box }>,
    nullable = false,
  ) {
    super(context);
    this.format = new FakeRangeFormat(this);
    this.nullable = nullable;
    // An *OrNullObject proxy knows whether it is null after the next sync, without a load.
    if (nullable) {
      context.enqueue('resolve', () => {
        const isNull = this.resolve() === null;
        context.stageLoad(0, () => this.loaded.set('isNullObject', isNull));
      });
    }
  }

  resolveBox(): { sheet: FakeSheet; box: Box } {
    const target = this.resolve();
    if (!target) throw new FakeOfficeError(this.nullable ? 'InvalidOperation' : 'ItemNotFound', 'The range does not exist (a null object).');
    return target;
  }

  private sheetName = (): string | undefined => {
    try {
      return this.resolve()?.sheet.name;
    } catch {
      return undefined;
    }
  };

  get isNullObject(): boolean {
    return this.property('isNullObject');
  }

  get values(): unknown[][] {
    return this.property('values');
  }

  set values(matrix: unknown[][]) {
    this.context.enqueue(
      'range.values',
      () => {
        const { sheet } = this.resolveBox();
        this.context.host.book.changeCells(sheet, () => this.eachCell(matrix, (target, row, column, value) => target.enter(row, column, value)));
      },
      { sheet: this.sheetName, requestCells: cellCount(matrix), requestBytes: this.requestBytes(matrix) },
    );
  }

  /** JSON size of a written matrix, computed only when the host limits bytes. */
  private requestBytes(matrix: unknown): number {
    return Number.isFinite(this.context.host.payloadByteLimit) ? JSON.stringify(matrix).length : 0;
  }

  get valueTypes(): string[][] {
    return this.property('valueTypes');
  }

  get numberFormat(): string[][] {
    return this.property('numberFormat');
  }

  set numberFormat(matrix: string[][]) {
    this.context.enqueue(
      'range.numberFormat',
      () =>
        this.eachCell(matrix, (sheet, row, column, format) => {
          sheet.assertUnprotected();
          if (format === null) return;
          if (typeof format !== 'string') throw new FakeOfficeError('InvalidArgument', 'A number format is text.');
          sheet.setFormat(row, column, format);
        }),
      { sheet: this.sheetName, requestCells: cellCount(matrix), requestBytes: this.requestBytes(matrix) },
    );
  }

  get address(): string {
    return this.property('address');
  }

  get rowIndex(): number {
    return this.property('rowIndex');
  }

  get columnIndex(): number {
    return this.property('columnIndex');
  }

  get rowCount(): number {
    return this.property('rowCount');
  }

  get columnCount(): number {
    return this.property('columnCount');
  }

  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this);
  }

  select(): void {
    this.context.enqueue('range.select', () => {
      const { sheet, box } = this.resolveBox();
      if (this.context.host.book.activeSheetId !== sheet.id) throw new FakeOfficeError('InvalidSelection', 'Only cells on the active sheet can be selected.');
      this.context.host.book.selection = { sheetId: sheet.id, box };
    });
  }

  /** Clears by visiting the cells that hold something, so clearing whole rows or columns is cheap. */
  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.context.enqueue(
      'range.clear',
      () => {
        const { sheet, box } = this.resolveBox();
        const inBox = (key: number): boolean => {
          const { row, column } = FakeSheet.position(key);
          return row >= box.row && row < box.row + box.rows && column >= box.column && column < box.column + box.columns;
        };
        this.context.host.book.changeCells(sheet, () => {
          if (applyTo !== 'Formats') for (const key of [...sheet.cells.keys()]) if (inBox(key)) sheet.cells.delete(key);
          if (applyTo !== 'Contents') {
            for (const key of [...sheet.formats.keys()]) if (inBox(key)) sheet.formats.delete(key);
            for (const key of [...sheet.fonts.keys()]) if (inBox(key)) sheet.fonts.delete(key);
          }
          // Like Excel's Clear (All), notes in the range go too.
          if (applyTo === 'All') for (const address of [...sheet.notes.keys()]) if (inBox(FakeSheet.key(parseBox(address)!.row, parseBox(address)!.column))) sheet.notes.delete(address);
        });
      },
      { sheet: this.sheetName },
    );
  }

  /** Range.getEntireRow (ExcelApi 1.1): the rows of this range, all columns. */
  getEntireRow(): FakeRange {
    return new FakeRange(this.context, () => {
      const target = this.resolve();
      return target && { sheet: target.sheet, box: { row: target.box.row, rows: target.box.rows, column: 0, columns: MAX_COLUMNS } };
    });
  }

  /** Range.getEntireColumn (ExcelApi 1.1): the columns of this range, all rows. */
  getEntireColumn(): FakeRange {
    return new FakeRange(this.context, () => {
      const target = this.resolve();
      return target && { sheet: target.sheet, box: { row: 0, rows: MAX_ROWS, column: target.box.column, columns: target.box.columns } };
    });
  }

  /** Range.insert (ExcelApi 1.1): whole rows or columns, or cells shifted down or right within the range's columns or rows. */
  insert(shift: 'Down' | 'Right'): void {
    this.context.enqueue('range.insert', () => this.context.host.book.shift(this.resolveBox().sheet, this.shiftFor(shift, 1)), { sheet: this.sheetName, target: shift });
  }

  /** Range.delete (ExcelApi 1.1): whole rows or columns, or cells shifted up or left. */
  delete(shift: 'Up' | 'Left'): void {
    this.context.enqueue('range.delete', () => this.context.host.book.shift(this.resolveBox().sheet, this.shiftFor(shift, -1)), { sheet: this.sheetName, target: shift });
  }

  private shiftFor(direction: 'Down' | 'Right' | 'Up' | 'Left', sign: 1 | -1): Shift {
    const { box } = this.resolveBox();
    if (direction === 'Down' || direction === 'Up') {
      const band = box.column === 0 && box.columns === MAX_COLUMNS ? undefined : { from: box.column, to: box.column + box.columns };
      return { axis: 'rows', at: box.row, count: sign * box.rows, band };
    }
    const band = box.row === 0 && box.rows === MAX_ROWS ? undefined : { from: box.row, to: box.row + box.rows };
    return { axis: 'columns', at: box.column, count: sign * box.columns, band };
  }

  /** Range.copyFrom (ExcelApi 1.9), copy type All only, between ranges of the same size. */
  copyFrom(source: FakeRange | string, copyType: string = 'All'): void {
    this.context.enqueue(
      'range.copyFrom',
      () => {
        this.context.host.requireApi('1.9', 'Range.copyFrom');
        if (!(source instanceof FakeRange)) throw new Error('The fake copies from Range objects only.');
        if (copyType !== 'All') throw new Error('The fake models copyFrom with copy type All only.');
        const from = source.resolveBox();
        const to = this.resolveBox();
        this.context.host.book.copyCells(from.sheet, from.box, to.sheet, to.box);
      },
      { sheet: this.sheetName },
    );
  }

  /** Runs `write` for every cell of a matrix that must have exactly the range's shape. */
  private eachCell<T>(matrix: T[][], write: (sheet: FakeSheet, row: number, column: number, value: T) => void): void {
    const { sheet, box } = this.resolveBox();
    if (!Array.isArray(matrix) || matrix.length !== box.rows || matrix.some((row) => !Array.isArray(row) || row.length !== box.columns)) {
      throw new FakeOfficeError('InvalidArgument', `The matrix does not match the range ${boxAddress(box)} (${box.rows} × ${box.columns}).`);
    }
    matrix.forEach((row, r) => row.forEach((value, c) => write(sheet, box.row + r, box.column + c, value)));
  }

  protected readProperty(name: string): unknown {
    if (name === 'isNullObject') return this.resolve() === null;
    const { sheet, box } = this.resolveBox();
    const grid = <T>(cell: (row: number, column: number) => T): T[][] => Array.from({ length: box.rows }, (_, r) => Array.from({ length: box.columns }, (_, c) => cell(box.row + r, box.column + c)));
    switch (name) {
      case 'values':
        return grid((row, column) => sheet.cell(row, column)?.value ?? '');
      case 'valueTypes':
        return grid((row, column) => sheet.cell(row, column)?.kind ?? 'Empty');
      case 'numberFormat':
        return grid((row, column) => sheet.format(row, column));
      case 'address':
        return `${sheetPrefix(sheet.name)}!${boxAddress(box)}`;
      case 'rowIndex':
        return box.row;
      case 'columnIndex':
        return box.column;
      case 'rowCount':
        return box.rows;
      case 'columnCount':
        return box.columns;
      default:
        return unknownProperty('Range', name);
    }
  }
}

function cellCount(matrix: unknown): number {
  return Array.isArray(matrix) ? matrix.reduce((sum: number, row) => sum + (Array.isArray(row) ? row.length : 1), 0) : 1;
}

class FakeRangeFormat {
  readonly font: { bold: boolean; italic: boolean; size: number };

  constructor(private readonly range: FakeRange) {
    const setFont = (key: 'bold' | 'italic' | 'size', value: boolean | number): void =>
      range.context.enqueue('range.format.font', () => {
        const { sheet, box } = range.resolveBox();
        const key0 = FakeSheet.key(box.row, box.column);
        sheet.fonts.set(key0, { ...sheet.fonts.get(key0), [key]: value });
      });
    this.font = {
      set bold(value: boolean) {
        setFont('bold', value);
      },
      get bold(): boolean {
        return NOT_LOADED as unknown as boolean;
      },
      set italic(value: boolean) {
        setFont('italic', value);
      },
      get italic(): boolean {
        return NOT_LOADED as unknown as boolean;
      },
      set size(value: number) {
        setFont('size', value);
      },
      get size(): number {
        return NOT_LOADED as unknown as number;
      },
    };
  }

  autofitColumns(): void {
    this.range.context.enqueue('range.format.autofitColumns', () => {
      const { sheet, box } = this.range.resolveBox();
      sheet.autofitted.push(box);
    });
  }

  set columnWidth(points: number) {
    this.range.context.enqueue('range.format.columnWidth', () => {
      const { sheet, box } = this.range.resolveBox();
      for (let c = 0; c < box.columns; c++) sheet.columnWidths.set(box.column + c, points);
    });
  }
}

class FakeDataValidation {
  constructor(private readonly range: FakeRange) {}

  private update(change: Partial<FakeValidation>): void {
    this.range.context.enqueue('range.dataValidation', () => {
      this.range.context.host.requireApi('1.8', 'Range.dataValidation');
      const { sheet, box } = this.range.resolveBox();
      const existing = sheet.validations.find((validation) => boxAddress(validation.box) === boxAddress(box));
      if (existing) Object.assign(existing, change);
      else sheet.validations.push({ box, ...change });
    });
  }

  set rule(rule: unknown) {
    this.update({ rule });
  }

  set errorAlert(errorAlert: unknown) {
    this.update({ errorAlert });
  }

  set ignoreBlanks(ignoreBlanks: boolean) {
    this.update({ ignoreBlanks });
  }
}

/** A note as an item of a loaded NoteCollection (ExcelApi 1.18): its content, and Note.delete. */
class FakeNoteItem extends FakeClientObject {
  constructor(
    context: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly address: string,
  ) {
    super(context);
  }

  get content(): string {
    return this.property('content');
  }

  delete(): void {
    this.context.enqueue('note.delete', () => {
      this.context.host.requireApi('1.18', 'Note.delete');
      if (!this.sheet().notes.delete(this.address)) throw new FakeOfficeError('ItemNotFound', `No note at ${this.address}.`);
    });
  }

  protected readProperty(name: string): unknown {
    if (name !== 'content') return unknownProperty('Note', name);
    this.context.host.requireApi('1.18', 'Note');
    return this.sheet().notes.get(this.address);
  }
}

export class FakeNoteCollection extends FakeCollection<FakeNoteItem> {
  constructor(
    context: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly sheetName: () => string | undefined,
  ) {
    super(context);
  }

  add(cell: FakeRange | string, content: string): void {
    this.context.enqueue(
      'worksheet.notes.add',
      () => {
        this.context.host.requireApi('1.18', 'Worksheet.notes');
        const sheet = this.sheet();
        sheet.assertUnprotected();
        const address = typeof cell === 'string' ? cell : boxAddress(cell.resolveBox().box);
        if (sheet.notes.has(address)) throw new FakeOfficeError('InvalidArgument', `The cell ${address} already has a note.`);
        sheet.notes.set(address, content);
      },
      { sheet: this.sheetName },
    );
  }

  protected currentItems(): FakeNoteItem[] {
    this.context.host.requireApi('1.18', 'Worksheet.notes');
    return [...this.sheet().notes.keys()].map((address) => new FakeNoteItem(this.context, this.sheet, address));
  }
}

export class FakeTableCollection extends FakeCollection<FakeTableProxy> {
  constructor(
    context: FakeContext,
    private readonly scope: (() => FakeSheet) | null,
  ) {
    super(context);
  }

  /** By name (ignoring case) or by id, as TableCollection.getItem takes either. */
  getItem(key: string): FakeTableProxy {
    const book = this.context.host.book;
    return new FakeTableProxy(this.context, () => book.tables.find((table) => table.id === key) ?? book.table(key) ?? null, `Table ${key}`);
  }

  /** `address` must name the range as text; a sheet-qualified address must be on this collection's sheet. */
  add(address: string, hasHeaders: boolean): FakeTableProxy {
    if (typeof address !== 'string') throw new Error('The fake takes table addresses as text.');
    let added: FakeTable | null = null;
    const { sheet: sheetName, a1 } = splitAddress(address);
    this.context.enqueue(
      'tables.add',
      () => {
        const book = this.context.host.book;
        const scoped = this.scope?.();
        const sheet = sheetName !== undefined ? book.sheet(sheetName) : scoped ?? (book.activeSheetId ? book.sheetById(book.activeSheetId) : undefined);
        if (!sheet || (scoped && scoped !== sheet)) throw new FakeOfficeError('InvalidArgument', `Cannot add a table at ${address} here.`);
        const box = parseBox(a1);
        if (!box) throw new FakeOfficeError('InvalidArgument', `Invalid address ${address}.`);
        added = book.addTable(sheet, box, hasHeaders);
      },
      { sheet: () => sheetName },
    );
    return new FakeTableProxy(this.context, () => added, `Table at ${address}`);
  }

  protected currentItems(): FakeTableProxy[] {
    const sheet = this.scope?.();
    return this.context.host.book.tables.filter((table) => !sheet || table.sheetId === sheet.id).map((table) => new FakeTableProxy(this.context, () => (this.context.host.book.tables.includes(table) ? table : null), `Table ${table.name}`));
  }
}

export class FakeTableProxy extends FakeClientObject {
  readonly columns: FakeTableColumns;

  constructor(
    context: FakeContext,
    private readonly resolve: Resolver<FakeTable>,
    private readonly what: string,
  ) {
    super(context);
    this.columns = new FakeTableColumns(context, () => this.table());
  }

  table(): FakeTable {
    return resolved(this.resolve, this.what);
  }

  private sheetOf(table: FakeTable): FakeSheet {
    return resolved(() => this.context.host.book.sheetById(table.sheetId) ?? null, `The sheet of ${table.name}`);
  }

  get name(): string {
    return this.property('name');
  }

  set name(name: string) {
    this.context.enqueue('table.rename', () => this.context.host.book.renameTable(this.table(), name), { target: name, sheet: () => { const table = this.resolve(); return table ? this.context.host.book.sheetById(table.sheetId)?.name : undefined; } });
  }

  set style(style: string) {
    this.context.enqueue('table.style', () => (this.table().style = style));
  }

  get id(): string {
    return this.property('id');
  }

  get showHeaders(): boolean {
    return this.property('showHeaders');
  }

  get showTotals(): boolean {
    return this.property('showTotals');
  }

  /** Turning the totals row off removes that row from the table, as in Excel. */
  set showTotals(show: boolean) {
    this.context.enqueue('table.showTotals', () => {
      const table = this.table();
      if (table.showTotals === show) return;
      this.context.host.book.sheetOf(table).assertUnprotected();
      table.showTotals = show;
      table.box = { ...table.box, rows: table.box.rows + (show ? 1 : -1) };
    });
  }

  /** Table.resize (ExcelApi 1.13). */
  resize(newRange: FakeRange | string): void {
    this.context.enqueue(
      'table.resize',
      () => {
        this.context.host.requireApi('1.13', 'Table.resize');
        const table = this.table();
        const box = typeof newRange === 'string' ? parseBox(splitAddress(newRange).a1) : newRange.resolveBox().box;
        if (!box) throw new FakeOfficeError('InvalidArgument', `Invalid address ${String(newRange)}.`);
        this.context.host.book.resizeTable(table, box);
      },
      { sheet: this.sheetName },
    );
  }

  delete(): void {
    this.context.enqueue('table.delete', () => this.context.host.book.deleteTable(this.table()), { sheet: this.sheetName });
  }

  clearFilters(): void {
    this.context.enqueue('table.clearFilters', () => {
      this.context.host.requireApi('1.2', 'Table.clearFilters');
      this.table().filtersCleared++;
    });
  }

  private sheetName = (): string | undefined => {
    const table = this.resolve();
    return table ? this.context.host.book.sheetById(table.sheetId)?.name : undefined;
  };

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => { const table = this.resolve(); return table ? this.sheetOf(table) : null; }, `The sheet of ${this.what}`);
  }

  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const table = this.table();
      return { sheet: this.sheetOf(table), box: table.box };
    });
  }

  protected readProperty(name: string): unknown {
    const table = this.table();
    switch (name) {
      case 'id':
        return table.id;
      case 'name':
        return table.name;
      case 'style':
        return table.style;
      case 'showHeaders':
        return table.showHeaders;
      case 'showTotals':
        return table.showTotals;
      default:
        return unknownProperty('Table', name);
    }
  }
}

/** A table column, found again by its name when a step runs (columns move as others are added or deleted). */
class FakeTableColumn extends FakeClientObject {
  constructor(
    context: FakeContext,
    private readonly table: () => FakeTable,
    private readonly header: string,
  ) {
    super(context);
  }

  get name(): string {
    return this.property('name');
  }

  /** TableColumn.delete (ExcelApi 1.1). */
  delete(): void {
    this.context.enqueue('table.column.delete', () => {
      const table = this.table();
      const index = this.context.host.book.headerNames(table).findIndex((name) => name.toLowerCase() === this.header.toLowerCase());
      if (index < 0) throw new FakeOfficeError('ItemNotFound', `Table ${table.name} has no column ${this.header}.`);
      this.context.host.book.deleteTableColumn(table, index);
    });
  }

  protected readProperty(name: string): unknown {
    return name === 'name' ? this.header : unknownProperty('TableColumn', name);
  }
}

class FakeTableColumns extends FakeCollection<FakeTableColumn> {
  constructor(
    context: FakeContext,
    private readonly table: () => FakeTable,
  ) {
    super(context);
  }

  /** TableColumnCollection.add (ExcelApi 1.1; an index of null or -1 and a name need ExcelApi 1.4). The fake takes no values. */
  add(index?: number | null, values?: unknown, name?: string): void {
    if (values !== undefined && values !== null) throw new Error('The fake adds table columns without values.');
    this.context.enqueue('table.columns.add', () => {
      if (index === null || index === undefined || index < 0 || name !== undefined) this.context.host.requireApi('1.4', 'TableColumnCollection.add with a name or at the end');
      this.context.host.book.addTableColumn(this.table(), index ?? null, name);
    });
  }

  protected currentItems(): FakeTableColumn[] {
    const table = this.table();
    const sheet = this.context.host.book.sheetById(table.sheetId)!;
    return Array.from({ length: table.box.columns }, (_, c) => {
      const cell = sheet.cell(table.box.row, table.box.column + c);
      return new FakeTableColumn(this.context, this.table, table.showHeaders && cell ? String(cell.value) : `Column${c + 1}`);
    });
  }
}

/** A chart as an item of a loaded ChartCollection: its name, and Chart.delete (ExcelApi 1.1). */
class FakeChartItem extends FakeClientObject {
  constructor(
    context: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly chart: FakeChart,
  ) {
    super(context);
  }

  get name(): string {
    return this.property('name');
  }

  delete(): void {
    this.context.enqueue(
      'chart.delete',
      () => {
        const sheet = this.sheet();
        sheet.assertUnprotected();
        const index = sheet.charts.indexOf(this.chart);
        if (index < 0) throw new FakeOfficeError('ItemNotFound', 'The chart does not exist.');
        sheet.charts.splice(index, 1);
      },
      { sheet: () => this.sheet().name },
    );
  }

  protected readProperty(name: string): unknown {
    return name === 'name' ? this.chart.name : unknownProperty('Chart', name);
  }
}

export class FakeChartCollection extends FakeCollection<FakeChartItem> {
  constructor(
    context: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context);
  }

  protected currentItems(): FakeChartItem[] {
    return this.sheet().charts.map((chart) => new FakeChartItem(this.context, this.sheet, chart));
  }

  add(type: string, source: FakeRange, seriesBy: string): FakeChartProxy {
    if (!(source instanceof FakeRange)) throw new Error('ChartCollection.add takes a Range object.');
    let added: FakeChart | null = null;
    this.context.enqueue(
      'charts.add',
      () => {
        const sheet = this.sheet();
        const { sheet: sourceSheet, box } = source.resolveBox();
        if (seriesBy !== 'Columns') throw new Error('The fake models charts with series by columns only.');
        const series: FakeSeries[] = Array.from({ length: box.columns }, (_, c) => ({ name: `Series${c + 1}`, values: { sheetId: sourceSheet.id, box: { ...box, column: box.column + c, columns: 1 } }, xValues: null }));
        added = { name: `Chart ${sheet.charts.length + 1}`, type, seriesBy, title: '', categoryAxisTitle: '', valueAxisTitle: '', legendVisible: true, series, position: null };
        sheet.charts.push(added);
      },
      { sheet: () => this.sheet().name, target: type },
    );
    return new FakeChartProxy(this.context, () => added);
  }
}

/** Chart proxies are write-only here: the adapter never reads charts back. */
export class FakeChartProxy {
  readonly title: { text: string; visible: boolean };
  readonly axes: { categoryAxis: { title: { text: string; visible: boolean } }; valueAxis: { title: { text: string; visible: boolean } } };
  readonly legend: { visible: boolean; position: string };
  readonly series: { getItemAt(index: number): FakeSeriesProxy; add(name?: string): FakeSeriesProxy };

  constructor(
    private readonly context: FakeContext,
    private readonly resolve: Resolver<FakeChart>,
  ) {
    const chart = (): FakeChart => resolved(this.resolve, 'The chart');
    const setter =
      <T>(kind: string, apply: (value: T) => void) =>
      (value: T): void =>
        context.enqueue(kind, () => apply(value));
    const writeOnly = <T>(set: (value: T) => void): { get(): T; set(value: T): void } => ({ get: () => NOT_LOADED as unknown as T, set });
    const titleText = setter('chart.title', (text: string) => (chart().title = text));
    this.title = Object.defineProperties({} as { text: string; visible: boolean }, { text: writeOnly(titleText), visible: writeOnly(setter('chart.title.visible', (_visible: boolean) => undefined)) });
    const axisTitle = (key: 'categoryAxisTitle' | 'valueAxisTitle') =>
      Object.defineProperties({} as { text: string; visible: boolean }, {
        text: writeOnly(setter(`chart.${key}`, (text: string) => (chart()[key] = text))),
        visible: writeOnly(setter(`chart.${key}.visible`, (_visible: boolean) => undefined)),
      });
    this.axes = { categoryAxis: { title: axisTitle('categoryAxisTitle') }, valueAxis: { title: axisTitle('valueAxisTitle') } };
    this.legend = Object.defineProperties({} as { visible: boolean; position: string }, {
      visible: writeOnly(setter('chart.legend', (visible: boolean) => (chart().legendVisible = visible))),
      position: writeOnly(setter('chart.legend.position', (_position: string) => undefined)),
    });
    this.series = {
      getItemAt: (index) => new FakeSeriesProxy(context, () => chart().series[index] ?? null),
      add: (name) => {
        let added: FakeSeries | null = null;
        context.enqueue('chart.series.add', () => {
          context.host.requireApi('1.7', 'ChartSeriesCollection.add');
          added = { name: name ?? `Series${chart().series.length + 1}`, values: null, xValues: null };
          chart().series.push(added);
        });
        return new FakeSeriesProxy(context, () => added);
      },
    };
  }

  set name(name: string) {
    this.context.enqueue('chart.name', () => (resolved(this.resolve, 'The chart').name = name));
  }

  setPosition(start: string, end: string): void {
    this.context.enqueue('chart.setPosition', () => (resolved(this.resolve, 'The chart').position = { start, end }));
  }
}

class FakeSeriesProxy {
  constructor(
    private readonly context: FakeContext,
    private readonly resolve: Resolver<FakeSeries>,
  ) {}

  private source(range: FakeRange): { sheetId: string; box: Box } {
    const { sheet, box } = range.resolveBox();
    return { sheetId: sheet.id, box };
  }

  set name(name: string) {
    this.context.enqueue('series.name', () => (resolved(this.resolve, 'The series').name = name));
  }

  setValues(range: FakeRange): void {
    this.context.enqueue('series.setValues', () => {
      this.context.host.requireApi('1.7', 'ChartSeries.setValues');
      resolved(this.resolve, 'The series').values = this.source(range);
    });
  }

  setXAxisValues(range: FakeRange): void {
    this.context.enqueue('series.setXAxisValues', () => {
      this.context.host.requireApi('1.7', 'ChartSeries.setXAxisValues');
      resolved(this.resolve, 'The series').xValues = this.source(range);
    });
  }
}

