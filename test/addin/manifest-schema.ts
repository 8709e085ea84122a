/** Offline validation of the add-in manifest against Microsoft's XSDs, plus small readers for the tests. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import type { Configuration } from 'webpack';
import { validateXML, type XMLValidationResult } from 'xmllint-wasm';
import { FunctionsMetadataPlugin, METADATA_FILE } from '../../scripts/functions-metadata.cjs';

export const REPO_ROOT = path.resolve(__dirname, '../..');
/** Shared offline copy of the schemas (see its README). */
export const XSD_DIR = path.resolve(__dirname, '../../../shared/office-manifest-xsd');
const MAIN_XSD = 'OfficeAppManifestV1_1.xsd';

export function readManifest(): string {
  return readFileSync(path.join(REPO_ROOT, 'manifest.xml'), 'utf8');
}

const VERSION_OVERRIDES_XSD = 'TaskPaneAppVersionOverridesV1_0.xsd';

/**
 * The shared XSDs (2020) predate the shared runtime and reject <Runtimes> (see their README). This
 * adds it to the VersionOverrides schema in memory, as Microsoft's manifest reference defines it
 * (learn.microsoft.com/javascript/api/manifest/runtimes and …/runtime, [MS-OWEMXML] Runtimes):
 * an optional <Runtimes> child of <Host>, before <AllFormFactors>, holding one or more <Runtime>
 * with a required resid (a resource id, at most 32 characters) and an optional lifetime, short
 * (the default) or long. Outlook's <Override> child is left out: a workbook add-in has no use for it.
 * Everything else is validated by the schemas as they are.
 */
export function withRuntimes(versionOverridesXsd: string): string {
  const host = /(<xs:complexType name="Host" abstract="true">[\s\S]*?<xs:sequence>)/;
  if (!host.test(versionOverridesXsd)) throw new Error(`${VERSION_OVERRIDES_XSD}: no Host type to add <Runtimes> to`);
  const types = `
  <xs:complexType name="Runtimes">
    <xs:sequence>
      <xs:element name="Runtime" type="Runtime" minOccurs="1" maxOccurs="unbounded" />
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="Runtime">
    <xs:attribute name="resid" type="bt:ReferenceId" use="required" />
    <xs:attribute name="lifetime" type="RuntimeLifetime" use="optional" default="short" />
  </xs:complexType>
  <xs:simpleType name="RuntimeLifetime">
    <xs:restriction base="xs:string">
      <xs:enumeration value="short" />
      <xs:enumeration value="long" />
    </xs:restriction>
  </xs:simpleType>
</xs:schema>`;
  return versionOverridesXsd
    .replace(host, '$1\n      <xs:element name="Runtimes" type="Runtimes" minOccurs="0" maxOccurs="1" />')
    .replace(/<\/xs:schema>\s*$/, types);
}

/**
 * Validates against OfficeAppManifestV1_1.xsd; the schemas it imports are preloaded by file name,
 * the VersionOverrides schema with <Runtimes> added (withRuntimes).
 */
export function validateManifest(xml: string): Promise<XMLValidationResult> {
  const xsd = (fileName: string) => {
    const contents = readFileSync(path.join(XSD_DIR, fileName), 'utf8');
    return { fileName, contents: fileName === VERSION_OVERRIDES_XSD ? withRuntimes(contents) : contents };
  };
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

/**
 * The top-level files `npm run build` writes into dist/, read from webpack.config.js without
 * compiling: the HTML pages, the copied files, functions.json and the entry scripts whose name does
 * not carry a content hash (the manifest can only point at fixed names).
 */
export async function buildOutputs(): Promise<Set<string>> {
  const makeConfig = require(path.join(REPO_ROOT, 'webpack.config.js')) as (env: object, argv: object) => Promise<Configuration>;
  const config = await makeConfig({}, { mode: 'development' });
  const files = new Set<string>();
  for (const plugin of config.plugins ?? []) {
    if (plugin instanceof HtmlWebpackPlugin) files.add(String(plugin.userOptions.filename));
    else if (plugin instanceof CopyWebpackPlugin) for (const pattern of (plugin as unknown as { patterns: { to: string }[] }).patterns) files.add(pattern.to);
    else if (plugin instanceof FunctionsMetadataPlugin) files.add(METADATA_FILE);
  }
  const filename = config.output?.filename;
  for (const name of Object.keys(config.entry as object)) {
    files.add(typeof filename === 'function' ? filename({ chunk: { name } } as never, undefined) : String(filename).replace('[name]', name));
  }
  return files;
}
