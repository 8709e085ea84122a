/**
 * @jest-environment jsdom
 *
 * Task pane start-up: which mode it picks with and without Office.js, and what the shell shows.
 */
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
