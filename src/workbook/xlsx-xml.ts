/**
 * XML for the package parts, through saxes (a conforming streaming parser). Small parts (workbook,
 * relationships, content types, tables, styles) are read into a tiny element tree; worksheets are
 * not parsed here but scanned as a stream (xlsx-sheet-scan.ts, xlsx-sheet-reader.ts). Namespace prefixes are dropped from names (`x:row` and
 * `row` are the same element; writers differ in the prefixes they use), except on attributes in
 * the relationships namespace, which stay as `r:id` whatever prefix the writer chose.
 */
import { SaxesParser, type SaxesAttributeNS, type SaxesTag } from 'saxes';

export interface XmlElement {
  /** Local name, without prefix. */
  name: string;
  /** Attributes by local name; relationship-namespace attributes as `r:<local>`. */
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (character data directly inside it). */
  text: string;
}

export const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Attribute map of a saxes tag: local names, `r:` for the relationships namespace, namespace declarations left out. */
export function attributesOf(tag: SaxesTag): Record<string, string> {
  const attributes: Record<string, string> = {};
  const all = tag.attributes as Record<string, SaxesAttributeNS>;
  for (const key in all) {
    const attribute = all[key];
    if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') continue;
    attributes[attribute.uri === RELATIONSHIPS_NS ? `r:${attribute.local}` : attribute.local] = attribute.value;
  }
  return attributes;
}

export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.local ?? tag.name, attributes: attributesOf(tag), children: [], text: '' };
    stack[stack.length - 1].children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (text) => (stack[stack.length - 1].text += text));
  parser.on('cdata', (text) => (stack[stack.length - 1].text += text));
  parser.write(text).close();
  const element = root.children[0];
  if (!element) throw new Error('empty XML part');
  return element;
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((c) => c.name === name) : [];
}

/** Text of an element and its descendants, in document order. */
export function deepText(element: XmlElement): string {
  let text = element.text;
  for (const c of element.children) text += deepText(c);
  return text;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text escaped for element content or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ESCAPES[ch]);
}

/**
 * Text for a cell or shared string: XML 1.0 cannot hold most control characters, so OOXML writes
 * them as `_xHHHH_` (ECMA-376 Part 1, 22.9.2.19 ST_Xstring); a literal `_x0041_` in the text is
 * itself escaped as `_x005F_x0041_`, so it reads back unchanged.
 */
// eslint-disable-next-line no-control-regex
const NEEDS_CELL_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_/;

export function escapeCellText(text: string): string {
  // Nearly all cell text needs no escaping: one test instead of three replacements (result sheets hold millions of cells).
  if (!NEEDS_CELL_ESCAPE.test(text)) return text;
  // eslint-disable-next-line no-control-regex
  const encoded = text.replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return escapeXml(encoded);
}

/** The inverse of the `_xHHHH_` encoding, applied to every string read from cells. */
export function decodeCellText(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export function utf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export function toUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}
