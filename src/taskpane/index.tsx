/** Task pane entry: find out where we run, then render the shell into #root. */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectRuntime } from './officeRuntime';

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  const runtime = await detectRuntime();
  createRoot(container).render(<App runtime={runtime} />);
}

void start();
