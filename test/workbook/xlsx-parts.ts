/** Raw access to the XML parts of an .xlsx, to check what ExcelJS does not expose (element order, ids). */
import JSZip from 'jszip'; // installed with ExcelJS, which uses it to zip and unzip

export async function xmlParts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  for (const file of Object.values(zip.files)) if (!file.dir) parts[file.name] = await file.async('string');
  return parts;
}

/** Rewrites some parts of an .xlsx, e.g. to make a file look like Excel wrote it. */
export async function rewriteParts(bytes: Uint8Array, rewrite: (name: string, xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const file of Object.values(zip.files)) {
    if (!file.dir && /\.(xml|rels|vml)$/.test(file.name)) zip.file(file.name, rewrite(file.name, await file.async('string')));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The worksheet part of each sheet name, following workbook.xml and its relationships. */
export function sheetPartsByName(parts: Record<string, string>): Record<string, string> {
  const rels = parts['xl/_rels/workbook.xml.rels'];
  const targets = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const byName: Record<string, string> = {};
  for (const m of parts['xl/workbook.xml'].matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = targets.get(m[2])!.replace(/^\/?(xl\/)?/, '');
    byName[m[1]] = parts[`xl/${target}`];
  }
  return byName;
}

export async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array' });
}
