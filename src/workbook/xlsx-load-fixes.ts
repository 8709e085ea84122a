/**
 * Corrections to how ExcelJS 4.4 parses a workbook, hooked into its loader.
 *
 * Data validations stay ranges. ExcelJS expands every validation range into one entry per cell
 * while parsing (exceljs issues #1283, #1842): a template with validation on whole columns
 * (`B2:B1048576`, common) takes seconds per column and, past ~8 million cells, hangs. When saving it
 * squeezes the cells back into ranges but sorts addresses as text (B10 before B2), so a reloaded
 * `B2:B1002` is written as the overlapping `B10:B1002` and `B2:B1002`. The hook feeds ExcelJS each
 * worksheet's XML with every `<dataValidation sqref>` replaced by a placeholder cell, then puts the
 * original ranges back into the parsed model as range keys, which ExcelJS writes unchanged.
 *
 * Table header rows are read from the file. `headerRowCount` is optional (default 1, and Excel
 * omits it) but ExcelJS reads a missing attribute as "no header row" and would save the table with
 * `headerRowCount="0"` (exceljs #2184). The hook records the attribute and sets the model right.
 *
 * The hooks wrap `_processWorksheetEntry` and `_processTableEntry` on this workbook's `xlsx`
 * object, methods present in the Node and browser builds of ExcelJS 4.4; if one is missing,
 * loading works as before (and repairLoadedTables falls back to inspecting the sheet).
 */
import type * as ExcelJS from 'exceljs';
import { cellAddress, formatRange, parseRange } from './xlsx-address';
import type { TableModel } from './xlsx-tables';

type ProcessWorksheetEntry = (stream: AsyncIterable<unknown>, model: LoadModel, sheetNo: unknown, options: unknown, path: string) => Promise<void>;
type ProcessTableEntry = (stream: AsyncIterable<unknown>, model: LoadModel, name: string) => Promise<void>;

interface LoadModel {
  worksheetHash: Record<string, { dataValidations?: Record<string, unknown> } | undefined>;
  tables: Record<string, (Partial<TableModel> & { headerRowFromFile?: boolean }) | undefined>;
}

interface LoaderHooks {
  _processWorksheetEntry?: ProcessWorksheetEntry;
  _processTableEntry?: ProcessTableEntry;
}

const LAST_ROW = 1048576;
const LAST_COLUMN = 16384;

/** Placeholder i sits in the last column, counting up from the last row: no real validation is left there, all were replaced. */
function placeholder(index: number): string {
  return cellAddress(LAST_ROW - index, LAST_COLUMN);
}

export function installLoadFixes(workbook: ExcelJS.Workbook): void {
  const xlsx = workbook.xlsx as unknown as LoaderHooks;
  const processWorksheet = xlsx._processWorksheetEntry;
  if (typeof processWorksheet === 'function') {
    xlsx._processWorksheetEntry = async function (this: unknown, stream, model, sheetNo, options, path) {
      const ranges: string[] = [];
      await processWorksheet.call(this, withPlaceholderValidations(stream, ranges), model, sheetNo, options, path);
      const validations = model.worksheetHash[path]?.dataValidations;
      if (validations) restoreValidationRanges(validations, ranges);
    };
  }
  const processTable = xlsx._processTableEntry;
  if (typeof processTable === 'function') {
    xlsx._processTableEntry = async function (this: unknown, stream, model, name) {
      const tag = { text: '' };
      await processTable.call(this, withTableTag(stream, tag), model, name);
      const table = model.tables[`../tables/${name}.xml`];
      if (table) {
        table.headerRow = /\bheaderRowCount="(\d+)"/.exec(tag.text)?.[1] !== '0';
        table.headerRowFromFile = true;
      }
    };
  }
}

/** Passes the table part through, keeping its opening `<table …>` tag. */
async function* withTableTag(stream: AsyncIterable<unknown>, tag: { text: string }): AsyncGenerator<unknown> {
  let head = '';
  for await (const chunk of stream) {
    if (!tag.text && typeof chunk === 'string') {
      head += chunk;
      tag.text = /<table\b[^>]*>/.exec(head)?.[0] ?? '';
    }
    yield chunk;
  }
}

async function* withPlaceholderValidations(stream: AsyncIterable<unknown>, ranges: string[]): AsyncGenerator<string> {
  // ExcelJS passes strings; bytes are decoded just in case (the decoder is created only then).
  let decoder: TextDecoder | undefined;
  let carry = '';
  for await (const chunk of stream) {
    const text = carry + (typeof chunk === 'string' ? chunk : (decoder ??= new TextDecoder()).decode(chunk as Uint8Array, { stream: true }));
    // Everything before the last '<' consists of complete tags, so no tag is split when replacing.
    const cut = text.lastIndexOf('<');
    const ready = cut < 0 ? text : text.slice(0, cut);
    carry = cut < 0 ? '' : text.slice(cut);
    if (ready) yield replaceSqrefs(ready, ranges);
  }
  if (carry) yield replaceSqrefs(carry, ranges);
}

function replaceSqrefs(xml: string, ranges: string[]): string {
  if (!xml.includes('<dataValidation')) return xml;
  return xml.replace(/<dataValidation\b[^>]*>/g, (tag) =>
    tag.replace(/\bsqref="([^"]*)"/, (_, sqref: string) => {
      ranges.push(sqref);
      return `sqref="${placeholder(ranges.length - 1)}"`;
    }),
  );
}

function restoreValidationRanges(validations: Record<string, unknown>, ranges: string[]): void {
  ranges.forEach((sqref, i) => {
    const key = placeholder(i);
    const validation = validations[key];
    delete validations[key];
    if (validation === undefined) return;
    for (const part of sqref.trim().split(/\s+/)) {
      const range = parseRange(part);
      if (!range) continue;
      validations[range.top === range.bottom && range.left === range.right ? cellAddress(range.top, range.left) : formatRange(range)] = validation;
    }
  });
}
