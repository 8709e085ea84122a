/**
 * @jest-environment jsdom
 *
 * Task pane start-up: which mode it picks with and without Office.js, what the shell shows, and
 * the ES5 webview check in taskpane.html that stands in for a blank pane in Internet Explorer and
 * Edge Legacy.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'acorn';
import { render, screen } from '@testing-library/react';
import { Utilities } from '@microsoft/office-js-helpers';
import { App, PRODUCT_NAME } from '../../src/taskpane/App';
import { detectRuntime } from '../../src/taskpane/officeRuntime';
import { luminance, officeThemeIsDark } from '../../src/taskpane/theme';

type FakeOffice = { onReady?: () => Promise<unknown>; context?: Record<string, unknown> };
const scope = globalThis as unknown as { Office?: FakeOffice };

function installOffice(office: FakeOffice | undefined): void {
  scope.Office = office;
}

afterEach(() => {
  delete scope.Office;
});

describe('detectRuntime', () => {
  test('runs standalone when office.js did not load', async () => {
    installOffice(undefined);
    await expect(detectRuntime(50)).resolves.toMatchObject({ mode: 'standalone', reason: expect.stringMatching(/not available/) });
  });

  test('runs standalone when Office never becomes ready', async () => {
    installOffice({ onReady: () => new Promise(() => {}) });
    await expect(detectRuntime(50)).resolves.toMatchObject({ mode: 'standalone', reason: expect.stringMatching(/within 0.05 s/) });
  });

  test('runs standalone when office.js is loaded in a plain browser', async () => {
    installOffice({ onReady: async () => ({ host: null, platform: null }), context: {} });
    await expect(detectRuntime(50)).resolves.toMatchObject({ mode: 'standalone' });
  });

  test('runs standalone in another Office application', async () => {
    installOffice({ onReady: async () => ({ host: 'Word', platform: 'PC' }), context: { host: 'Word', platform: 'PC' } });
    await expect(detectRuntime(50)).resolves.toMatchObject({ mode: 'standalone', reason: expect.stringMatching(/Word/) });
  });

  test('runs in Excel mode inside Excel, with the platform from office-js-helpers', async () => {
    installOffice({ onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }), context: { host: 'Excel', platform: 'OfficeOnline' } });
    await expect(detectRuntime(50)).resolves.toEqual({ mode: 'excel', platform: 'OFFICE_ONLINE', reason: expect.any(String) });
  });
});

describe('office-js-helpers host detection (why the shell does not use isAddin)', () => {
  test('without an Office global it reports WEB, not an add-in', () => {
    installOffice(undefined);
    expect(Utilities.host).toBe('WEB');
    expect(Utilities.isAddin).toBe(false);
  });

  test('with office.js in a plain browser isAddin is wrongly true', () => {
    installOffice({ context: {} });
    expect(Utilities.host).toBeUndefined();
    expect(Utilities.isAddin).toBe(true);
  });
});

describe('theme', () => {
  test('follows Office’s isDarkTheme, else the body background', () => {
    installOffice({ context: { officeTheme: { isDarkTheme: true, bodyBackgroundColor: '#ffffff' } } });
    expect(officeThemeIsDark()).toBe(true);
    installOffice({ context: { officeTheme: { bodyBackgroundColor: '#262626' } } });
    expect(officeThemeIsDark()).toBe(true);
    installOffice({ context: { officeTheme: { bodyBackgroundColor: '#FFFFFF' } } });
    expect(officeThemeIsDark()).toBe(false);
    installOffice(undefined);
    expect(officeThemeIsDark()).toBeUndefined();
  });

  test('luminance spans black to white and rejects non-colours', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1);
    expect(luminance('blue')).toBeUndefined();
  });
});

describe('App shell', () => {
  test('shows the product name and standalone mode', () => {
    render(<App runtime={{ mode: 'standalone', reason: 'Office.js is not available.' }} />);
    expect(screen.getByRole('heading', { name: PRODUCT_NAME })).toBeTruthy();
    expect(screen.getByTestId('run-mode').textContent).toBe('Standalone');
  });

  test('shows Excel mode', () => {
    render(<App runtime={{ mode: 'excel', platform: 'PC', reason: 'Connected to the open workbook.' }} />);
    expect(screen.getByTestId('run-mode').textContent).toBe('Excel');
    expect(screen.getByText('Connected to the open workbook.')).toBeTruthy();
  });
});

describe('taskpane.html webview check', () => {
  const html = readFileSync(path.join(__dirname, '../../src/taskpane/taskpane.html'), 'utf8');
  const template = new DOMParser().parseFromString(html, 'text/html');
  const check = template.getElementById('spp-webview-check')!.textContent!;
  const agents = {
    ie11: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko',
    edgeHtml: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045',
    webView2: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
    safari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko)',
  };
  const original = navigator.userAgent;
  const fromEntries = Object.fromEntries;

  /** The page's body as the template has it, then the check run as the webview would run it. */
  function runCheck(agent: string): void {
    Object.defineProperty(window.navigator, 'userAgent', { value: agent, configurable: true });
    document.documentElement.removeAttribute('data-spp-unsupported');
    document.body.innerHTML = template.body.innerHTML;
    new Function(check)();
  }

  afterEach(() => {
    Object.defineProperty(window.navigator, 'userAgent', { value: original, configurable: true });
    Object.fromEntries = fromEntries;
    document.documentElement.removeAttribute('data-spp-unsupported');
  });

  test('is ES5, so Internet Explorer 11 can run it, and is the last script before the bundle', () => {
    expect(() => parse(check, { ecmaVersion: 5 })).not.toThrow();
    // An ES2015 construct would be refused: the parse really checks.
    expect(() => parse('const a = () => 1;', { ecmaVersion: 5 })).toThrow();
    // html-webpack-plugin injects the bundle at the end of <body> (webpack.config.js), so after this script.
    const scripts = Array.from(template.body.getElementsByTagName('script'));
    expect(scripts[scripts.length - 1].id).toBe('spp-webview-check');
  });

  test.each([['Internet Explorer 11 (Trident)', agents.ie11], ['Edge Legacy (EdgeHTML)', agents.edgeHtml]])('in %s it shows what to do instead of a blank pane, and marks the page', (_name, agent) => {
    runCheck(agent);
    expect(document.documentElement.getAttribute('data-spp-unsupported')).toBe('legacy-webview');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Service Parts Planner cannot start here');
    expect(alert.textContent).toContain('Internet Explorer or the old Microsoft Edge (EdgeHTML)');
    expect(alert.textContent).toContain('Excel for Microsoft 365, Excel 2021 or later');
    // The standalone page's address, without query or fragment, as text.
    expect(alert.textContent).toContain(`open ${location.href.split('?')[0].split('#')[0]} in a current Chrome`);
  });

  test('where JavaScript lacks ES2019, it says the browser is too old', () => {
    delete (Object as { fromEntries?: unknown }).fromEntries;
    runCheck(agents.safari);
    expect(document.documentElement.getAttribute('data-spp-unsupported')).toBe('old-javascript');
    expect(screen.getByRole('alert').textContent).toContain('too old for this add-in');
  });

  test.each([['WebView2 (Chromium Edge)', agents.webView2], ['Safari (WKWebView)', agents.safari]])('in %s it does nothing: the loading text stays for the bundle', (_name, agent) => {
    runCheck(agent);
    expect(document.documentElement.hasAttribute('data-spp-unsupported')).toBe(false);
    expect(document.getElementById('root')?.textContent).toBe('Loading Service Parts Planner…');
  });
});

describe('task pane entry (index.tsx)', () => {
  afterEach(() => {
    document.documentElement.removeAttribute('data-spp-unsupported');
    jest.resetModules();
  });

  function loadEntry(): jest.Mock {
    const detect = jest.fn(() => new Promise(() => {}));
    jest.doMock('../../src/taskpane/officeRuntime', () => ({ detectRuntime: detect }));
    jest.isolateModules(() => require('../../src/taskpane/index'));
    return detect;
  }

  test('starts the pane normally', () => {
    document.body.innerHTML = '<div id="root"></div>';
    expect(loadEntry()).toHaveBeenCalledTimes(1);
  });

  test('does not start where the webview check marked the page, so its message stays', () => {
    document.body.innerHTML = '<div id="root"><div role="alert">message</div></div>';
    document.documentElement.setAttribute('data-spp-unsupported', 'legacy-webview');
    expect(loadEntry()).not.toHaveBeenCalled();
    expect(document.getElementById('root')?.textContent).toBe('message');
  });
});
