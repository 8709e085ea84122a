/**
 * Decides whether the task pane runs inside Excel or standalone (a plain browser, or Office.js
 * unreachable because the machine is offline). Never blocks startup for more than the timeout.
 */

export type RunMode = 'excel' | 'standalone';

export interface RuntimeInfo {
  mode: RunMode;
  /** Office platform as office-js-helpers names it (PC, MAC, OFFICE_ONLINE, IOS); Excel mode only. */
  platform?: string;
  /** Why this mode was chosen, for the status line and support requests. */
  reason: string;
}

/** How long to wait for Office.onReady before giving up and running standalone. */
export const OFFICE_READY_TIMEOUT_MS = 3000;

/** window.Office when office.js loaded; undefined when the CDN script failed or was never included. */
function officeGlobal(): typeof Office | undefined {
  return (globalThis as { Office?: typeof Office }).Office;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

/**
 * Host and platform through office-js-helpers, loaded only when office.js is present so the
 * standalone path does not pay for it. Compare against HostType.EXCEL and never use
 * `Utilities.isAddin`: it is `host !== 'WEB'`, and when office.js runs in a plain browser
 * `Office.context.host` is undefined, so isAddin reports true outside Office. With no Office global
 * at all the helpers fall back to sessionStorage and report 'WEB'.
 */
async function hostFromHelpers(): Promise<{ isExcel: boolean; platform?: string }> {
  const { Utilities, HostType } = await import(/* webpackChunkName: "office-helpers" */ '@microsoft/office-js-helpers');
  return { isExcel: Utilities.host === HostType.EXCEL, platform: Utilities.platform ?? undefined };
}

export async function detectRuntime(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<RuntimeInfo> {
  const office = officeGlobal();
  if (typeof office?.onReady !== 'function') {
    return { mode: 'standalone', reason: 'Office.js is not available (offline, or opened outside Office).' };
  }
  let ready: { host: Office.HostType | null } | undefined;
  try {
    ready = await withTimeout(office.onReady(), timeoutMs);
  } catch (error) {
    return { mode: 'standalone', reason: `Office.js failed to initialise: ${String(error)}` };
  }
  if (!ready) return { mode: 'standalone', reason: `Office did not become ready within ${timeoutMs / 1000} s.` };
  if (!ready.host) return { mode: 'standalone', reason: 'Office.js loaded in a browser, not inside an Office application.' };
  const { isExcel, platform } = await hostFromHelpers();
  if (!isExcel) return { mode: 'standalone', reason: `Running in ${ready.host}; this add-in needs Excel.` };
  return { mode: 'excel', platform, reason: 'Connected to the open workbook.' };
}
