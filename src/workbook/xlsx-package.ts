/**
 * An Open Packaging Conventions package (ECMA-376 Part 2): parts by name, their content types and
 * their relationships. Part names are kept without the leading `/` (`xl/workbook.xml`), which is how
 * the zip names them. Relationship targets are resolved as OPC says: relative to the source part's
 * folder (`worksheets/sheet1.xml`, `../drawings/drawing1.xml`), or absolute from the package root
 * (`/xl/tables/table1.xml`, as openpyxl writes them); external targets are not parts.
 */
import { entryBytes, readZipEntries, streamEntry, type ZipEntry } from './xlsx-zip';
import { children, escapeXml, parseXml, utf8 } from './xlsx-xml';

export interface Relationship {
  id: string;
  /** The full type URI; compare with `relType` / `isRelType`. */
  type: string;
  /** Resolved part name (no leading slash), or the target as written when external. */
  target: string;
  external: boolean;
}

/** The last segment of a relationship type (`worksheet`, `table`, `officeDocument`, …). */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

/** Raw bytes or a zip entry. Checked by shape, not `instanceof`: typed arrays from another realm (jsdom, workers) must count. */
export function isZipEntry(entry: ZipEntry | Uint8Array): entry is ZipEntry {
  return typeof (entry as ZipEntry).method === 'number';
}

export class XlsxPackage {
  /** Entries as read (compressed) or replaced, by part name. Insertion order is the zip order. */
  readonly entries = new Map<string, ZipEntry | Uint8Array>();
  private readonly relsCache = new Map<string, Relationship[]>();

  static fromZip(bytes: Uint8Array): XlsxPackage {
    const pkg = new XlsxPackage();
    for (const entry of readZipEntries(bytes)) {
      if (entry.name.endsWith('/')) continue; // folder entries some zip tools add
      pkg.entries.set(normalizePartName(entry.name), entry);
    }
    return pkg;
  }

  has(part: string): boolean {
    return this.entries.has(part);
  }

  /** The part's bytes, or undefined when the package has no such part. */
  bytes(part: string): Uint8Array | undefined {
    const entry = this.entries.get(part);
    if (entry === undefined) return undefined;
    return isZipEntry(entry) ? entryBytes(entry) : entry;
  }

  text(part: string): string | undefined {
    const bytes = this.bytes(part);
    return bytes === undefined ? undefined : utf8(bytes);
  }

  /** The part as a stream of uncompressed chunks (a very large sheet never exists as one string). */
  stream(part: string, onChunk: (chunk: Uint8Array) => void): void {
    const entry = this.entries.get(part);
    if (entry === undefined) return;
    if (isZipEntry(entry)) streamEntry(entry, onChunk);
    else onChunk(entry);
  }

  set(part: string, bytes: Uint8Array | ZipEntry): void {
    this.entries.set(part, bytes);
    if (part.endsWith('.rels')) this.relsCache.delete(part);
  }

  delete(part: string): void {
    this.entries.delete(part);
    this.relsCache.delete(part);
  }

  /** Relationships of a part (`''` for the package's own, `_rels/.rels`). */
  relationships(source: string): Relationship[] {
    const relsPart = relsPartOf(source);
    let rels = this.relsCache.get(relsPart);
    if (!rels) {
      const text = this.text(relsPart);
      rels = text === undefined ? [] : parseRelationships(text, source);
      this.relsCache.set(relsPart, rels);
    }
    return rels;
  }

  /** The first relationship of this kind from `source` to an existing part. */
  related(source: string, kind: string): string | undefined {
    return this.relationships(source).find((rel) => !rel.external && relKind(rel.type) === kind && this.has(rel.target))?.target;
  }

  /** The main workbook part: the target of the package's officeDocument relationship. */
  workbookPart(): string | undefined {
    return this.related('', 'officeDocument') ?? (this.has('xl/workbook.xml') ? 'xl/workbook.xml' : undefined);
  }
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`; `''` → `_rels/.rels`. */
export function relsPartOf(source: string): string {
  const slash = source.lastIndexOf('/');
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

/** Part names compare as written in the zip, without a leading slash; backslashes (some Windows tools) count as slashes. */
function normalizePartName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '');
}

/** OPC resolution of a relationship target against its source part. */
export function resolveTarget(source: string, target: string): string {
  const clean = decodeTarget(target.replace(/\\/g, '/').split('#')[0]);
  if (clean.startsWith('/')) return normalizeSegments(clean.slice(1));
  const base = source.slice(0, source.lastIndexOf('/') + 1);
  return normalizeSegments(base + clean);
}

function decodeTarget(target: string): string {
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

function normalizeSegments(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return out.join('/');
}

/** A target relative to `source` for a new relationship (`sheet3.xml` from the workbook, `../tables/table2.xml` from a sheet). */
export function relativeTarget(source: string, part: string): string {
  const from = source.split('/').slice(0, -1);
  const to = part.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...new Array<string>(from.length - common).fill('..'), ...to.slice(common)].join('/');
}

function parseRelationships(text: string, source: string): Relationship[] {
  return children(parseXml(text), 'Relationship').map((rel) => {
    const external = rel.attributes.TargetMode === 'External';
    const target = rel.attributes.Target ?? '';
    return { id: rel.attributes.Id ?? '', type: rel.attributes.Type ?? '', target: external ? target : resolveTarget(source, target), external };
  });
}

/** XML of one Relationship element. */
export function relationshipXml(id: string, type: string, target: string): string {
  return `<Relationship Id="${escapeXml(id)}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`;
}

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  table: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
} as const;
