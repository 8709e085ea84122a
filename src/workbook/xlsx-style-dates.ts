/**
 * Reading the style sheet (`xl/styles.xml`) for what the cell values need: which cell formats
 * (`cellXfs`, by index = the cell's `s`) show numbers as dates. A workbook without a style part
 * (SheetJS can write one) has no date styles: every number is a number.
 */
import { isDateFormat } from './office-cells';
import { child, children, parseXml } from './xlsx-xml';

/**
 * Built-in number formats that are dates or times (ECMA-376 Part 1, 18.8.30: 14–22, 45–47; and the
 * East Asian date formats 27–36 and 50–58, dates in the locales that define them).
 */
function isBuiltInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

export function readDateStyles(stylesXml: string | undefined): boolean[] {
  if (stylesXml === undefined) return [];
  const root = parseXml(stylesXml);
  const formats = new Map<number, string>();
  for (const numFmt of children(child(root, 'numFmts'), 'numFmt')) formats.set(Number(numFmt.attributes.numFmtId), numFmt.attributes.formatCode ?? '');
  return children(child(root, 'cellXfs'), 'xf').map((xf) => {
    const id = Number(xf.attributes.numFmtId ?? 0);
    const custom = formats.get(id);
    return custom !== undefined ? isDateFormat(custom) : isBuiltInDateFormat(id);
  });
}
