/**
 * @jest-environment jsdom
 *
 * The add-in manifest, as committed (localhost) and as `npm run build` rewrites it, must pass
 * Microsoft's XSDs offline and state the facts the add-in depends on. jsdom supplies DOMParser.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DEV_BASE_URL, parseBaseUrl, resolveBaseUrl, rewriteManifestUrls } from '../../scripts/manifest-urls.cjs';
import { NS, REPO_ROOT, buildOutputs, parseXml, pngSize, readManifest, urlsIn, validateManifest } from './manifest-schema';

const PRODUCTION_BASE_URL = 'https://parts.example.com/spp/addin/';

function elements(doc: Document, ns: string, name: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS(ns, name));
}

function xsiType(element: Element): string | null {
  return element.getAttributeNS(NS.xsi, 'type');
}

/** Resource id → DefaultValue for one kind of VersionOverrides resource (Image, Url, String). */
function resources(doc: Document, kind: 'Image' | 'Url' | 'String'): Map<string, string> {
  const map = new Map<string, string>();
  for (const element of elements(doc, NS.bt, kind)) {
    const id = element.getAttribute('id');
    if (id) map.set(id, element.getAttribute('DefaultValue') ?? '');
  }
  return map;
}

describe.each([
  ['committed (development)', DEV_BASE_URL, () => readManifest()],
  ['rewritten for production', PRODUCTION_BASE_URL, () => rewriteManifestUrls(readManifest(), PRODUCTION_BASE_URL)],
])('manifest %s', (_label, baseUrl, load) => {
  const xml = load();
  const doc = parseXml(xml);
  const root = doc.documentElement;
  const topLevel = (name: string) => Array.from(root.children).filter((child) => child.namespaceURI === NS.app && child.localName === name);
  const url = (resid: string | null) => resources(doc, 'Url').get(resid ?? '');

  test('is valid against OfficeAppManifestV1_1.xsd and the VersionOverrides schemas', async () => {
    const result = await validateManifest(xml);
    expect(result.errors.map((error) => error.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('is a TaskPaneApp with a fixed GUID, version 1.0.0.0 and the product provider name', () => {
    expect(root.localName).toBe('OfficeApp');
    expect(xsiType(root)).toBe('TaskPaneApp');
    expect(topLevel('Id')[0]?.textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(topLevel('Version')[0]?.textContent).toBe('1.0.0.0');
    expect(topLevel('ProviderName')[0]?.textContent).toBe('Service Parts Planner');
  });

  test('asks for exactly ReadWriteDocument', () => {
    expect(topLevel('Permissions').map((element) => element.textContent)).toEqual(['ReadWriteDocument']);
  });

  test('targets Excel workbooks only, in the base manifest and in VersionOverrides', () => {
    const baseHosts = topLevel('Hosts').flatMap((hosts) => Array.from(hosts.children).map((host) => host.getAttribute('Name')));
    expect(baseHosts).toEqual(['Workbook']);
    expect(elements(doc, NS.ov, 'Host').map(xsiType)).toEqual(['Workbook']);
  });

  test('requires ExcelApi 1.7 and no other requirement set', () => {
    const sets = elements(doc, NS.app, 'Set').map((set) => [set.getAttribute('Name'), set.getAttribute('MinVersion')]);
    expect(sets).toEqual([['ExcelApi', '1.7']]);
  });

  test('applies its VersionOverrides only where the shared runtime and custom functions with error codes are supported', () => {
    // Where these are missing Office ignores <Hosts> and falls back to the base manifest: the pane
    // still opens from My Add-ins (DefaultSettings), so the base requirements (the app-namespace
    // Sets of the test above) must not name them.
    const overrides = root.getElementsByTagNameNS(NS.ov, 'VersionOverrides')[0]!;
    const requirements = Array.from(overrides.children).filter((child) => child.localName === 'Requirements');
    expect(requirements).toHaveLength(1);
    const sets = Array.from(requirements[0]!.getElementsByTagNameNS(NS.bt, 'Set')).map((set) => [set.getAttribute('Name'), set.getAttribute('MinVersion')]);
    expect(sets).toEqual([
      ['CustomFunctionsRuntime', '1.3'],
      ['SharedRuntime', '1.1'],
    ]);
  });

  test('opens taskpane.html by default and, in the shared runtime, as the function file', () => {
    const source = elements(doc, NS.app, 'SourceLocation').filter((element) => element.parentElement?.localName === 'DefaultSettings');
    expect(source.map((element) => element.getAttribute('DefaultValue'))).toEqual([`${baseUrl}taskpane.html`]);
    const functionFile = elements(doc, NS.ov, 'FunctionFile');
    expect(functionFile.map((element) => url(element.getAttribute('resid')))).toEqual([`${baseUrl}taskpane.html`]);
  });

  test('puts a ShowTaskpane button on the Home tab, without a TaskpaneId (one pane per shared runtime)', () => {
    const tabs = elements(doc, NS.ov, 'OfficeTab');
    expect(tabs.map((tab) => tab.getAttribute('id'))).toEqual(['TabHome']);
    const buttons = Array.from(tabs[0]!.getElementsByTagNameNS(NS.ov, 'Control')).filter((control) => xsiType(control) === 'Button');
    expect(buttons).toHaveLength(1);
    const action = buttons[0]!.getElementsByTagNameNS(NS.ov, 'Action')[0]!;
    expect(xsiType(action)).toBe('ShowTaskpane');
    expect(elements(doc, NS.ov, 'TaskpaneId')).toEqual([]);
    expect(url(action.getElementsByTagNameNS(NS.ov, 'SourceLocation')[0]!.getAttribute('resid'))).toBe(`${baseUrl}taskpane.html`);
  });

  test('declares the custom functions: namespace SPP, functions.js, functions.json, run in the task pane page', () => {
    const points = elements(doc, NS.ov, 'ExtensionPoint').filter((point) => xsiType(point) === 'CustomFunctions');
    expect(points).toHaveLength(1);
    expect(points[0]!.parentElement?.localName).toBe('AllFormFactors');
    const source = (name: string) => url(points[0]!.getElementsByTagNameNS(NS.ov, name)[0]?.getElementsByTagNameNS(NS.ov, 'SourceLocation')[0]?.getAttribute('resid') ?? null);
    expect(source('Script')).toBe(`${baseUrl}functions.js`);
    expect(source('Page')).toBe(`${baseUrl}taskpane.html`);
    expect(source('Metadata')).toBe(`${baseUrl}functions.json`);
    const namespace = points[0]!.getElementsByTagNameNS(NS.ov, 'Namespace')[0]!.getAttribute('resid');
    expect(resources(doc, 'String').get(namespace ?? '')).toBe('SPP');
  });

  test('runs pane, ribbon and functions in one long-lived runtime: every part names the same resid', () => {
    // Office loads the shared runtime only when the runtime's resid is the one of the custom
    // functions' page, the function file and the task pane (docs: configure a shared runtime).
    const runtimes = elements(doc, NS.ov, 'Runtime');
    expect(runtimes.map((runtime) => [runtime.getAttribute('resid'), runtime.getAttribute('lifetime')])).toEqual([['Taskpane.Url', 'long']]);
    expect(runtimes[0]!.parentElement?.parentElement?.localName).toBe('Host');
    const page = elements(doc, NS.ov, 'Page')[0]!.getElementsByTagNameNS(NS.ov, 'SourceLocation')[0]!;
    const pane = elements(doc, NS.ov, 'Action')[0]!.getElementsByTagNameNS(NS.ov, 'SourceLocation')[0]!;
    const functionFile = elements(doc, NS.ov, 'FunctionFile')[0]!;
    expect([page, pane, functionFile].map((element) => element.getAttribute('resid'))).toEqual(['Taskpane.Url', 'Taskpane.Url', 'Taskpane.Url']);
  });

  test('every page, script and data URL is a file the build emits', async () => {
    const emitted = await buildOutputs();
    const files = urlsIn(doc)
      .map((value) => value.slice(baseUrl.length))
      .filter((file) => !file.startsWith('assets/')); // copied folder, checked with the icons below
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(files.filter((file) => !emitted.has(file))).toEqual([]);
  });

  test('every resid names a declared resource', () => {
    const declared = new Set([...resources(doc, 'Image').keys(), ...resources(doc, 'Url').keys(), ...resources(doc, 'String').keys()]);
    const referenced = Array.from(doc.getElementsByTagName('*')).map((element) => element.getAttribute('resid')).filter((resid): resid is string => resid !== null);
    expect(referenced.length).toBeGreaterThan(0);
    expect(referenced.filter((resid) => !declared.has(resid))).toEqual([]);
  });

  test('icons exist in assets/ and have the pixel size they are declared at', () => {
    const images = resources(doc, 'Image');
    const declared: [string, number][] = [
      [topLevel('IconUrl')[0]!.getAttribute('DefaultValue')!, 32],
      [topLevel('HighResolutionIconUrl')[0]!.getAttribute('DefaultValue')!, 64],
      ...elements(doc, NS.bt, 'Image')
        .filter((reference) => reference.hasAttribute('resid'))
        .map((reference): [string, number] => [images.get(reference.getAttribute('resid')!)!, Number(reference.getAttribute('size'))]),
    ];
    expect(new Set(declared.map(([, size]) => size))).toEqual(new Set([16, 32, 64, 80]));
    for (const [iconUrl, size] of declared) {
      expect(iconUrl.startsWith(`${baseUrl}assets/`)).toBe(true);
      const file = path.join(REPO_ROOT, iconUrl.slice(baseUrl.length));
      expect(existsSync(file)).toBe(true);
      expect(pngSize(readFileSync(file))).toEqual({ width: size, height: size });
    }
  });

  test('every URL starts with the base URL', () => {
    const urls = urlsIn(doc);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    expect(urls.filter((value) => !value.startsWith(baseUrl))).toEqual([]);
  });
});

test('every assets/icon-<n>.png is n × n pixels', () => {
  const icons = readdirSync(path.join(REPO_ROOT, 'assets')).filter((name) => /^icon-\d+\.png$/.test(name));
  expect(icons.length).toBeGreaterThanOrEqual(4);
  for (const name of icons) {
    const size = Number(/\d+/.exec(name)![0]);
    expect([name, pngSize(readFileSync(path.join(REPO_ROOT, 'assets', name)))]).toEqual([name, { width: size, height: size }]);
  }
});

describe('the validator', () => {
  test('rejects a manifest asking for more than the schema allows (Permissions "Everything")', async () => {
    const broken = readManifest().replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>');
    const result = await validateManifest(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.map((error) => error.message).join('\n')).toMatch(/Permissions.*'Everything' is not an element of the set/);
  });

  test('rejects a manifest missing a required element (DefaultSettings)', async () => {
    const broken = readManifest().replace(/<DefaultSettings>[\s\S]*?<\/DefaultSettings>/, '');
    const result = await validateManifest(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.map((error) => error.message).join('\n')).toMatch(/Expected is .*DefaultSettings/);
  });

  test.each([
    ['a lifetime other than short or long', '<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime resid="Taskpane.Url" lifetime="forever"/>', /lifetime.*'forever' is not an element of the set/],
    ['a Runtime without resid', '<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime lifetime="long"/>', /Runtime.*'resid' is required/],
    ['Runtimes after AllFormFactors', /(<Runtimes>[\s\S]*?<\/Runtimes>)\s*(<AllFormFactors>[\s\S]*?<\/AllFormFactors>)/, '$2$1', /Runtimes.*not expected/],
  ])('enforces the <Runtimes> definition added to the 2020 schemas: rejects %s', async (_why, find, replace, message) => {
    const broken = readManifest().replace(find, replace);
    expect(broken).not.toBe(readManifest());
    const result = await validateManifest(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.map((error) => error.message).join('\n')).toMatch(message);
  });

  test('enforces the imported VersionOverrides schema too (OfficeTab without id)', async () => {
    const result = await validateManifest(readManifest().replace('<OfficeTab id="TabHome">', '<OfficeTab>'));
    expect(result.valid).toBe(false);
    expect(result.errors.map((error) => error.message).join('\n')).toMatch(/OfficeTab.*'id' is required/);
  });
});

describe('base URL rewrite (shared with webpack.config.js)', () => {
  test.each([
    ['plain http', 'http://parts.example.com/'],
    ['no trailing slash', 'https://parts.example.com/addin'],
    ['a query string', 'https://parts.example.com/?v=1/'],
    ['a fragment', 'https://parts.example.com/#x/'],
    ['credentials', 'https://user:secret@parts.example.com/'],
    ['a relative path', '/addin/'],
    ['not a URL', 'parts.example.com/'],
    ['surrounding spaces', ' https://parts.example.com/ '],
  ])('refuses a base URL with %s', (_why, value) => {
    expect(() => parseBaseUrl(value)).toThrow(/SPP_ADDIN_BASE_URL must be an absolute https URL ending with '\/'/);
    expect(() => rewriteManifestUrls(readManifest(), value)).toThrow();
    expect(() => resolveBaseUrl({ SPP_ADDIN_BASE_URL: value })).toThrow();
  });

  test('keeps localhost, with a warning, when SPP_ADDIN_BASE_URL is unset', () => {
    const { baseUrl, warning } = resolveBaseUrl({});
    expect(baseUrl).toBe(DEV_BASE_URL);
    expect(warning).toMatch(/points to https:\/\/localhost:3000\//);
    expect(resolveBaseUrl({ SPP_ADDIN_BASE_URL: PRODUCTION_BASE_URL })).toEqual({ baseUrl: PRODUCTION_BASE_URL, warning: undefined });
  });

  test('replaces every localhost URL and leaves nothing pointing at localhost', () => {
    const original = readManifest();
    const rewritten = rewriteManifestUrls(original, PRODUCTION_BASE_URL);
    expect(rewritten).not.toContain('localhost');
    expect(rewritten.split(PRODUCTION_BASE_URL).length).toBe(original.split(DEV_BASE_URL).length);
  });

  test('escapes XML special characters, so a legal but odd URL keeps the manifest valid', async () => {
    const odd = "https://cdn.example.com/a&b'c/";
    const rewritten = rewriteManifestUrls(readManifest(), odd);
    expect((await validateManifest(rewritten)).valid).toBe(true);
    const source = parseXml(rewritten).getElementsByTagNameNS(NS.app, 'SourceLocation')[0]!;
    expect(source.getAttribute('DefaultValue')).toBe(`${odd}taskpane.html`);
  });
});
