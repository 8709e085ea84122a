/**
 * An independent check of a written package (JSZip to unzip, URL resolution for targets; none of the
 * adapter's code): every relationship resolves to an existing part, every part has a content type,
 * every content-type override names an existing part.
 */
import JSZip from 'jszip';

export type Parts = Map<string, Uint8Array>;

export async function unzipParts(bytes: Uint8Array): Promise<Parts> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Parts = new Map();
  for (const file of Object.values(zip.files)) if (!file.dir) parts.set(file.name, await file.async('uint8array'));
  return parts;
}

export function text(parts: Parts, name: string): string {
  const bytes = parts.get(name);
  if (!bytes) throw new Error(`no part ${name}`);
  return new TextDecoder().decode(bytes);
}

function resolve(source: string, target: string): string {
  return decodeURIComponent(new URL(target, `http://package/${source}`).pathname.slice(1));
}

function sourceOf(relsPart: string): string {
  const match = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsPart);
  return match ? `${match[1]}${match[2]}` : '';
}

export function packageProblems(parts: Parts): string[] {
  const problems: string[] = [];
  const types = text(parts, '[Content_Types].xml');
  const defaults = new Set([...types.matchAll(/<Default\b[^>]*Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase()));
  const overrides = new Set([...types.matchAll(/<Override\b[^>]*PartName="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]).slice(1).toLowerCase()));
  const names = new Set([...parts.keys()].map((name) => name.toLowerCase()));
  for (const override of overrides) if (!names.has(override)) problems.push(`content type for missing part /${override}`);
  for (const name of parts.keys()) {
    if (name === '[Content_Types].xml') continue;
    const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (!overrides.has(name.toLowerCase()) && !defaults.has(extension)) problems.push(`no content type for ${name}`);
  }
  for (const name of parts.keys()) {
    if (!name.endsWith('.rels')) continue;
    const source = sourceOf(name);
    if (source && !parts.has(source)) problems.push(`${name} belongs to missing part ${source}`);
    const ids = new Set<string>();
    for (const rel of text(parts, name).matchAll(/<Relationship\b([^>]*)\/?>/g)) {
      const id = /\bId="([^"]+)"/.exec(rel[1])?.[1] ?? '';
      if (ids.has(id)) problems.push(`${name}: relationship id ${id} twice`);
      ids.add(id);
      if (/TargetMode="External"/.test(rel[1])) continue;
      const target = /\bTarget="([^"]+)"/.exec(rel[1])?.[1] ?? '';
      const part = resolve(source, target.replace(/&amp;/g, '&'));
      if (!parts.has(part)) problems.push(`${name}: ${id} points at missing part ${part}`);
    }
  }
  return problems;
}

/** Sheet names in tab order and the defined names with the sheet they are scoped to (by name, not position). */
export function workbookNames(parts: Parts): { sheets: string[]; definedNames: string[] } {
  const workbookPart = resolve('', /Type="[^"]*\/officeDocument"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(text(parts, '_rels/.rels'))!.slice(1).find(Boolean)!);
  const xml = text(parts, workbookPart);
  const sheets = [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
  const definedNames = [...xml.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g)].map((m) => {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    const local = /\blocalSheetId="(\d+)"/.exec(m[1])?.[1];
    return `${local === undefined ? '(workbook)' : sheets[Number(local)]}!${name}=${m[2]}`;
  });
  return { sheets, definedNames };
}
