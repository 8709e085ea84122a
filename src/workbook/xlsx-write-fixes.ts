/**
 * Corrections to the XML ExcelJS 4.4 writes, applied as each part is added to the zip. Without them
 * Excel reports the file as corrupt:
 * - A sheet with both a table and notes: ExcelJS writes `<legacyDrawing>` (the notes) after
 *   `<tableParts>` and `<extLst>`, against the schema order (exceljs issue #1369, PR #2079).
 * - Notes on more than one sheet: every VML part claims shape-id block 1 (`<o:idmap data="1">`) with
 *   the same shape ids, but the blocks must be unique in the workbook (exceljs PR #3070).
 * - Tables: ExcelJS always writes `<autoFilter>`, also for a table without a header row (#1615) and
 *   without a `ref` for a loaded table that had no filter (#2184); Excel then discards the filter
 *   and asks to repair. Such an `<autoFilter>` is dropped.
 *
 * The hook replaces `addWorksheets`/`addTables` on this workbook's `xlsx` object with versions that
 * pass ExcelJS a zip whose `append` patches the part. Both method names are stable in the Node and
 * browser builds of ExcelJS 4.4; if they are missing the file is written unpatched.
 */
import type * as ExcelJS from 'exceljs';

interface ZipWriter {
  append(data: unknown, options: { name: string }): unknown;
}

type AddParts = (zip: ZipWriter, model: unknown) => unknown;

interface XlsxParts {
  addWorksheets?: AddParts;
  addTables?: AddParts;
}

export function installWriteFixes(workbook: ExcelJS.Workbook): void {
  const xlsx = workbook.xlsx as unknown as XlsxParts;
  patchParts(xlsx, 'addWorksheets', () => {
    const blocks = new VmlBlockAllocator();
    return (name, xml) => {
      if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) return moveLegacyDrawing(xml);
      if (/^xl\/drawings\/vmlDrawing\d+\.vml$/.test(name)) return blocks.renumber(xml);
      return xml;
    };
  });
  patchParts(xlsx, 'addTables', () => (name, xml) => (/^xl\/tables\/table\d+\.xml$/.test(name) ? dropInvalidAutoFilter(xml) : xml));
}

/** `makeFix` is called once per write, so per-file state (VML blocks) starts fresh. */
function patchParts(xlsx: XlsxParts, method: keyof XlsxParts, makeFix: () => (name: string, xml: string) => string): void {
  const original = xlsx[method];
  if (typeof original !== 'function') return;
  xlsx[method] = function (this: unknown, zip: ZipWriter, model: unknown) {
    const fix = makeFix();
    const patchingZip: ZipWriter = {
      append: (data, options) => zip.append(typeof data === 'string' ? fix(options.name, data) : data, options),
    };
    return original.call(this, patchingZip, model);
  };
}

/** Schema order after `<drawing>`: legacyDrawing, legacyDrawingHF, picture, …, tableParts, extLst. */
export function moveLegacyDrawing(xml: string): string {
  const legacy = xml.match(/<legacyDrawing\b[^>]*\/>/g);
  if (!legacy) return xml;
  const stripped = xml.replace(/<legacyDrawing\b[^>]*\/>/g, '');
  const end = stripped.lastIndexOf('</worksheet>');
  // ExcelJS writes picture, tableParts and the sheet-level extLst last, in that order.
  const topLevelExtLst = stripped.slice(0, end).trimEnd().endsWith('</extLst>') ? stripped.lastIndexOf('<extLst', end) : -1;
  const candidates = [stripped.search(/<picture[\s/>]/), stripped.search(/<tableParts[\s/>]/), topLevelExtLst, end].filter((i) => i >= 0);
  const at = Math.min(...candidates);
  return stripped.slice(0, at) + legacy.join('') + stripped.slice(at);
}

/** Gives each VML part its own shape-id blocks of 1024 ids, as Excel does. */
class VmlBlockAllocator {
  private nextBlock = 1;

  renumber(xml: string): string {
    const shapes = xml.match(/id="_x0000_s\d+"/g)?.length ?? 0;
    const first = this.nextBlock;
    // ExcelJS numbers shapes 1025 + i (block 1); block b holds ids b*1024 .. b*1024+1023.
    const count = Math.floor(shapes / 1024) + 1;
    this.nextBlock += count;
    const blocks = Array.from({ length: count }, (_, i) => first + i).join(',');
    return xml
      .replace(/(<o:idmap\b[^>]*\bdata=")[^"]*(")/, `$1${blocks}$2`)
      .replace(/id="_x0000_s(\d+)"/g, (_, id: string) => `id="_x0000_s${Number(id) - 1024 + first * 1024}"`);
  }
}

export function dropInvalidAutoFilter(xml: string): string {
  const tableTag = /<table\b[^>]*>/.exec(xml)?.[0] ?? '';
  const headerless = /\bheaderRowCount="0"/.test(tableTag);
  return xml.replace(/<autoFilter\b([^>]*?)(\/>|>[\s\S]*?<\/autoFilter>)/, (element, attributes: string) =>
    headerless || !/\bref="/.test(attributes) ? '' : element,
  );
}
