/** XML of the small parts a new sheet brings: its Excel table, its notes (comments + VML), its data validations. */
import type { InputValidation } from './port';
import { cellAddress, type CellRange } from './xlsx-address';
import { escapeXml } from './xlsx-xml';
import { textElement } from './xlsx-sheet-writer';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export function tableXml(id: number, name: string, range: CellRange, headers: readonly string[], style: string): string {
  const ref = `${cellAddress(range.top, range.left)}:${cellAddress(range.bottom, range.right)}`;
  const columns = headers.map((header, i) => `<tableColumn id="${i + 1}" name="${escapeXml(header)}"/>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN_NS}" id="${id}" name="${escapeXml(name)}" displayName="${escapeXml(name)}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${headers.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${style}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

export interface Note {
  row: number;
  column: number;
  text: string;
}

export function commentsXml(notes: readonly Note[]): string {
  const list = notes.map((note) => `<comment ref="${cellAddress(note.row, note.column)}" authorId="0"><text><r>${textElement(note.text)}</r></text></comment>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors><author>Service Parts Planner</author></authors><commentList>${list}</commentList></comments>`;
}

/**
 * The legacy VML drawing that shows notes. Shape ids are `_x0000_s` + (block × 1024 + n): each VML
 * part of a workbook must own its block (`o:idmap data`), or Excel drops or repairs the notes.
 */
export function notesVml(notes: readonly Note[], block: number): string {
  const shapes = notes
    .map((note, i) => {
      const r = note.row - 1;
      const c = note.column - 1;
      return (
        `<v:shape id="_x0000_s${block * 1024 + i + 1}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:216pt;height:80pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c + 1}, 15, ${r}, 2, ${c + 4}, 15, ${r + 5}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`
      );
    })
    .join('');
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    `${shapes}</xml>`
  );
}

/** Every VML shape-id block already used in these VML parts. */
export function usedVmlBlocks(vmlTexts: readonly string[]): number[] {
  const blocks: number[] = [];
  for (const text of vmlTexts) {
    for (const match of text.matchAll(/idmap\b[^>]*\bdata="([^"]*)"/g)) for (const n of match[1].split(',')) if (n.trim()) blocks.push(Number(n));
  }
  return blocks;
}

/** Excel's limit on an inline list (`"a,b,c"`) in a data validation. */
const MAX_INLINE_LIST = 255;
/** Excel's limit on a validation error message. */
const MAX_ERROR_MESSAGE = 225;
/** Bounds for an unbounded number check: Excel needs one, and this keeps it about type only. */
const NO_BOUND = 1e15;

/** The `<dataValidation>` of a column, or undefined when Excel cannot express it inline. */
export function dataValidationXml(validation: InputValidation, range: CellRange): string | undefined {
  const sqref = `${cellAddress(range.top, range.left)}:${cellAddress(range.bottom, range.right)}`;
  if (validation.kind === 'list') {
    const list = validation.values.join(',');
    // An inline list cannot hold commas or quotes inside values and is limited in length.
    if (validation.values.some((value) => /[,"]/.test(value)) || list.length > MAX_INLINE_LIST) return undefined;
    const error = limitMessage(`Choose one of: ${validation.values.join(', ')}.`);
    return `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="Invalid value" error="${escapeXml(error)}" sqref="${sqref}"><formula1>${escapeXml(`"${list}"`)}</formula1></dataValidation>`;
  }
  const { kind, min, max } = validation;
  const what = kind === 'whole' ? 'a whole number' : 'a number';
  const [operator, formulae, rule] =
    min !== undefined && max !== undefined ? (['between', [min, max], `${what} from ${min} to ${max}`] as const)
    : min !== undefined ? (['greaterThanOrEqual', [min], `${what} of at least ${min}`] as const)
    : max !== undefined ? (['lessThanOrEqual', [max], `${what} of at most ${max}`] as const)
    : (['between', [-NO_BOUND, NO_BOUND], what] as const);
  const formulas = formulae.map((value, i) => `<formula${i + 1}>${formulaNumber(value)}</formula${i + 1}>`).join('');
  return `<dataValidation type="${kind}" operator="${operator}" allowBlank="1" showErrorMessage="1" errorTitle="Invalid value" error="${escapeXml(limitMessage(`Enter ${rule}.`))}" sqref="${sqref}">${formulas}</dataValidation>`;
}

/** A number as Excel reads it in a formula: never in exponent notation. */
function formulaNumber(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return Math.abs(value) >= 1 ? value.toFixed(0) : value.toFixed(20).replace(/0+$/, '');
}

function limitMessage(message: string): string {
  return message.length <= MAX_ERROR_MESSAGE ? message : `${message.slice(0, MAX_ERROR_MESSAGE - 1)}…`;
}
