/**
 * Edits to a workbook package that keep everything else as it was: sheets are inserted into and
 * removed from the `<sheets>` list of the workbook part, relationships are appended to or removed
 * from `.rels` parts, content types are added or removed one entry at a time, and parts are added or
 * deleted. Nothing is regenerated: every other byte of workbook.xml, the `.rels` parts and
 * `[Content_Types].xml` stays. Sheet positions matter elsewhere in workbook.xml — defined names
 * scoped to a sheet (`localSheetId`, print areas among them) and the active and first visible tab
 * (`bookViews`) — and are renumbered so they keep pointing at the same sheets.
 */
import { relationshipXml, relativeTarget, relsPartOf, type XlsxPackage } from './xlsx-package';
import { escapeXml } from './xlsx-xml';
import type { ZipEntry } from './xlsx-zip';

const CONTENT_TYPES = '[Content_Types].xml';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetElement {
  /** The element as written in workbook.xml (kept byte for byte unless the sheet is new). */
  xml: string;
  name: string;
  sheetId: number;
  relId: string;
  state: 'visible' | 'hidden' | 'veryHidden';
}

const SHEET_ELEMENT = /<(?:\w+:)?sheet\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?sheet>)/g;
const SHEETS_BLOCK = /(<((?:\w+:)?)sheets\b[^>]*>)([\s\S]*?)(<\/\2sheets>)/;

function attribute(xml: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(xml);
  return match ? unescapeXml(match[1]) : undefined;
}

function unescapeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export class PackageEditor {
  private workbookXml: string;
  private contentTypes: string;
  private sheetList: SheetElement[];
  private readonly relPrefix: string;

  constructor(
    readonly pkg: XlsxPackage,
    readonly workbookPart: string,
  ) {
    this.workbookXml = pkg.text(workbookPart) ?? '';
    this.contentTypes = pkg.text(CONTENT_TYPES) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>';
    // The prefix bound to the relationships namespace on the root; openpyxl binds it on each <sheet> instead.
    const root = /<(?:\w+:)?workbook\b[^>]*>/.exec(this.workbookXml)?.[0] ?? '';
    const declared = new RegExp(`xmlns:(\\w+)="${REL_NS.replace(/[./]/g, '\\$&')}"`).exec(root);
    this.relPrefix = declared ? declared[1] : 'r';
    if (!declared) this.workbookXml = this.workbookXml.replace(/<((?:\w+:)?workbook)\b/, `<$1 xmlns:r="${REL_NS}"`);
    if (!SHEETS_BLOCK.test(this.workbookXml)) this.workbookXml = this.workbookXml.replace(/(<(?:\w+:)?workbook\b[^>]*>)([\s\S]*?)(<(?:\w+:)?(?:functionGroups|externalReferences|definedNames|calcPr|oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b|<\/(?:\w+:)?workbook>)/, '$1$2<sheets></sheets>$3');
    const block = SHEETS_BLOCK.exec(this.workbookXml)!;
    this.sheetList = [...block[3].matchAll(SHEET_ELEMENT)].map((match) => this.parseSheet(match[0]));
  }

  private parseSheet(xml: string): SheetElement {
    const state = attribute(xml, 'state');
    return {
      xml,
      name: attribute(xml, 'name') ?? '',
      sheetId: Number(attribute(xml, 'sheetId') ?? 0),
      relId: /\s\w+:id="([^"]*)"/.exec(xml)?.[1] ?? '',
      state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
    };
  }

  get sheets(): readonly SheetElement[] {
    return this.sheetList;
  }

  /** Inserts a sheet element at `index` pointing at `part` (a new workbook relationship). */
  insertSheet(index: number, name: string, state: SheetElement['state'], part: string): SheetElement {
    const relId = this.addRelationship(this.workbookPart, 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet', part);
    const sheetId = Math.max(0, ...this.sheetList.map((sheet) => sheet.sheetId)) + 1;
    const stateAttribute = state === 'visible' ? '' : ` state="${state}"`;
    const prefix = SHEETS_BLOCK.exec(this.workbookXml)![2];
    const sheet: SheetElement = { xml: `<${prefix}sheet name="${escapeXml(name)}" sheetId="${sheetId}"${stateAttribute} ${this.relPrefix}:id="${relId}"/>`, name, sheetId, relId, state };
    const mapping = this.sheetList.map((_, i) => (i < index ? i : i + 1));
    this.sheetList.splice(index, 0, sheet);
    this.renumber(mapping);
    return sheet;
  }

  /** Removes the sheet at `index`: its element, its relationship, its part and every part only it used. */
  removeSheet(index: number): void {
    const [sheet] = this.sheetList.splice(index, 1);
    const mapping = [...this.sheetList.keys(), this.sheetList.length].map((i) => (i < index ? i : i === index ? -1 : i - 1));
    const part = this.removeRelationship(this.workbookPart, sheet.relId);
    if (part) this.removePartTree(part);
    this.renumber(mapping);
  }

  /** Gives a sheet another name (the case of a result sheet's name follows the results). */
  renameSheet(sheet: SheetElement, name: string): void {
    if (sheet.name === name) return;
    sheet.xml = sheet.xml.replace(/\sname="[^"]*"/, ` name="${escapeXml(name)}"`);
    sheet.name = name;
  }

  /** The part a sheet element points at. */
  sheetPart(sheet: SheetElement): string | undefined {
    return this.pkg.relationships(this.workbookPart).find((rel) => rel.id === sheet.relId && !rel.external)?.target;
  }

  /** Deletes a part, its relationships part and, recursively, the parts those relationships point at. */
  removePartTree(part: string, seen = new Set<string>()): void {
    if (seen.has(part)) return;
    seen.add(part);
    for (const rel of this.pkg.relationships(part)) if (!rel.external && rel.target.startsWith('xl/')) this.removePartTree(rel.target, seen);
    this.pkg.delete(relsPartOf(part));
    this.removePart(part);
  }

  /** Removes the parts a sheet part refers to (tables, notes, drawings) and its relationships, keeping the sheet part itself. */
  clearSheetPart(part: string): void {
    const seen = new Set<string>([part]);
    for (const rel of this.pkg.relationships(part)) if (!rel.external && rel.target.startsWith('xl/')) this.removePartTree(rel.target, seen);
    this.pkg.delete(relsPartOf(part));
  }

  addPart(part: string, contentType: string | undefined, data: Uint8Array | ZipEntry): void {
    this.pkg.set(part, data);
    if (contentType) this.setOverride(part, contentType);
  }

  removePart(part: string): void {
    this.pkg.delete(part);
    this.removeOverride(part);
  }

  private setOverride(part: string, contentType: string): void {
    this.removeOverride(part);
    this.contentTypes = this.contentTypes.replace(/<\/((?:\w+:)?)Types>/, `<$1Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/></$1Types>`);
  }

  private removeOverride(part: string): void {
    this.contentTypes = this.contentTypes.replace(new RegExp(`<(?:\\w+:)?Override\\b[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"[^>]*/>`, 'i'), '');
  }

  /** Appends a relationship from `source` to `part`; returns its id (unused in that part's relationships). */
  addRelationship(source: string, type: string, part: string): string {
    const relsPart = relsPartOf(source);
    const text = this.pkg.text(relsPart) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const used = new Set([...text.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const element = relationshipXml(id, type, relativeTarget(source, part));
    const closed = /<\/((?:\w+:)?)Relationships>/;
    // `<Relationships .../>` (an empty list written self-closed) is opened up first.
    const open = closed.test(text) ? text : text.replace(/<((?:\w+:)?)Relationships\b([^>]*?)\/>/, '<$1Relationships$2></$1Relationships>');
    const edited = open.replace(closed, (_m, prefix: string) => `${element.replace('<Relationship', `<${prefix}Relationship`)}</${prefix}Relationships>`);
    this.pkg.set(relsPart, new TextEncoder().encode(edited));
    return id;
  }

  /** Removes one relationship of `source`; returns the part it pointed at. */
  removeRelationship(source: string, id: string): string | undefined {
    const target = this.pkg.relationships(source).find((rel) => rel.id === id);
    const relsPart = relsPartOf(source);
    const text = this.pkg.text(relsPart);
    if (text !== undefined) {
      const edited = text.replace(new RegExp(`<(?:\\w+:)?Relationship\\b[^>]*\\sId="${id}"[^>]*?(?:/>|>\\s*</(?:\\w+:)?Relationship>)`), '');
      this.pkg.set(relsPart, new TextEncoder().encode(edited));
    }
    return target && !target.external ? target.target : undefined;
  }

  /**
   * After sheets moved (`mapping[old] = new position`, -1 when removed): sheet-scoped defined names
   * follow their sheet (and go with it when it is removed), and the active and first tab point at
   * the same sheet as before, or at the first visible one.
   */
  private renumber(mapping: number[]): void {
    this.workbookXml = this.workbookXml.replace(/<((?:\w+:)?)definedName\b([^>]*)>([\s\S]*?)<\/\1definedName>/g, (whole, prefix: string, attributes: string, body: string) => {
      const local = /\slocalSheetId="(\d+)"/.exec(attributes);
      if (!local) return whole;
      const moved = mapping[Number(local[1])];
      if (moved === undefined) return whole;
      if (moved < 0) return '';
      return `<${prefix}definedName${attributes.replace(/\slocalSheetId="\d+"/, ` localSheetId="${moved}"`)}>${body}</${prefix}definedName>`;
    });
    this.workbookXml = this.workbookXml.replace(/<((?:\w+:)?)definedNames\b[^>]*>\s*<\/\1definedNames>/, '');
    this.workbookXml = this.workbookXml.replace(/<((?:\w+:)?)workbookView\b([^>]*?)(\/?)>/g, (_whole, prefix: string, attributes: string, close: string) => {
      let edited = attributes;
      for (const name of ['activeTab', 'firstSheet']) {
        const current = new RegExp(`\\s${name}="(\\d+)"`).exec(edited);
        if (!current) continue;
        const moved = mapping[Number(current[1])];
        const target = moved !== undefined && moved >= 0 && this.sheetList[moved]?.state === 'visible' ? moved : this.firstVisible();
        edited = edited.replace(current[0], ` ${name}="${target}"`);
      }
      return `<${prefix}workbookView${edited}${close}>`;
    });
  }

  private firstVisible(): number {
    return Math.max(0, this.sheetList.findIndex((sheet) => sheet.state === 'visible'));
  }

  /** Writes workbook.xml (with the current sheet list) and the content types back into the package. */
  flush(): void {
    this.workbookXml = this.workbookXml.replace(SHEETS_BLOCK, (_m, open: string, _prefix: string, _body: string, close: string) => `${open}${this.sheetList.map((sheet) => sheet.xml).join('')}${close}`);
    const encoder = new TextEncoder();
    this.pkg.set(this.workbookPart, encoder.encode(this.workbookXml));
    this.pkg.set(CONTENT_TYPES, encoder.encode(this.contentTypes));
  }

  /** A part name not yet in the package: `xl/worksheets/sheet` + n + `.xml`. */
  freePartName(stem: string, extension: string): string {
    for (let n = 1; ; n++) {
      const part = `${stem}${n}.${extension}`;
      if (!this.pkg.has(part) && !this.reserved.has(part)) {
        this.reserved.add(part);
        return part;
      }
    }
  }

  private readonly reserved = new Set<string>();
}
