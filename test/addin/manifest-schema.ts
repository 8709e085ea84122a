/** Offline validation of the add-in manifest against Microsoft's XSDs, plus small readers for the tests. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { validateXML, type XMLValidationResult } from 'xmllint-wasm';

export const REPO_ROOT = path.resolve(__dirname, '../..');
/** Shared offline copy of the schemas (see its README). */
export const XSD_DIR = path.resolve(__dirname, '../../../shared/office-manifest-xsd');
const MAIN_XSD = 'OfficeAppManifestV1_1.xsd';

export function readManifest(): string {
  return readFileSync(path.join(REPO_ROOT, 'manifest.xml'), 'utf8');
}

/** Validates against OfficeAppManifestV1_1.xsd; the schemas it imports are preloaded by file name. */
export function validateManifest(xml: string): Promise<XMLValidationResult> {
  const xsd = (fileName: string) => ({ fileName, contents: readFileSync(path.join(XSD_DIR, fileName), 'utf8') });
  const imported = readdirSync(XSD_DIR).filter((name) => name.endsWith('.xsd') && name !== MAIN_XSD);
  return validateXML({ xml: { fileName: 'manifest.xml', contents: xml }, schema: xsd(MAIN_XSD), preload: imported.map(xsd) });
}

/** Width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('ascii', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

export function parseXml(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`manifest is not well-formed XML: ${error.textContent}`);
  return doc;
}

/** Every attribute value and text node that is an http(s) URL, namespace declarations excepted. */
export function urlsIn(doc: Document): string[] {
  const isUrl = (value: string) => /^https?:\/\//.test(value);
  const urls: string[] = [];
  for (const element of Array.from(doc.getElementsByTagName('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      if (attribute.name !== 'xmlns' && attribute.prefix !== 'xmlns' && isUrl(attribute.value)) urls.push(attribute.value);
    }
    for (const node of Array.from(element.childNodes)) {
      const text = node.nodeType === node.TEXT_NODE ? (node.textContent ?? '').trim() : '';
      if (isUrl(text)) urls.push(text);
    }
  }
  return urls;
}
