/**
 * Picks the HostSession for the run mode. The Excel session is its own module, loaded only inside
 * Excel; if it cannot load, the pane still works standalone and says why.
 */
import type { RuntimeInfo } from '../officeRuntime';
import type { HostSession } from './session';
import { createStandaloneSession } from './standalone-session';

interface OfficeSessionModule {
  createOfficeSession(): Promise<HostSession>;
}

/**
 * The Excel session module, through a webpack context limited to `office-session.ts` so the
 * build neither requires it to exist nor pulls it into the standalone path.
 */
async function importOfficeSession(): Promise<OfficeSessionModule> {
  const module = 'office-session';
  return (await import(/* webpackInclude: /office-session\.tsx?$/ */ /* webpackChunkName: "office-session" */ `./${module}`)) as OfficeSessionModule;
}

export async function loadSession(runtime: RuntimeInfo): Promise<{ session: HostSession; runtime: RuntimeInfo }> {
  if (runtime.mode !== 'excel') return { session: createStandaloneSession(), runtime };
  try {
    const { createOfficeSession } = await importOfficeSession();
    return { session: await createOfficeSession(), runtime };
  } catch (error) {
    const reason = `The Excel connection could not start (${error instanceof Error ? error.message : String(error)}); running standalone.`;
    return { session: createStandaloneSession(), runtime: { mode: 'standalone', reason } };
  }
}
