/**
 * Task pane entry: find out where we run, pick the host session, then render into #root. Not where
 * taskpane.html's webview check found a webview that cannot run the pane: its message stays.
 */
import { createRoot } from 'react-dom/client';
import '../functions/register'; // the custom functions, associated in Excel's shared runtime (this page)
import { App } from './App';
import { loadSession } from './host/load-session';
import { detectRuntime } from './officeRuntime';

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  const { session, runtime } = await loadSession(await detectRuntime());
  createRoot(container).render(<App runtime={runtime} session={session} />);
}

/** Set by the ES5 check in taskpane.html (Internet Explorer, Edge Legacy, or JavaScript older than ES2019). */
const UNSUPPORTED_ATTRIBUTE = 'data-spp-unsupported';

if (!document.documentElement.hasAttribute(UNSUPPORTED_ATTRIBUTE)) void start();
