/**
 * Entry of the custom functions: associates them with Excel when Excel's custom-functions runtime
 * is present, and does nothing anywhere else (the standalone page, a browser without office.js).
 *
 * Loaded twice over, by design: the task pane's entry imports it, so in the shared runtime the
 * functions run in the task pane's page on the same engine bundle; and webpack also builds it
 * alone as functions.js, the manifest's <Script>, for a host that loads the script by itself.
 */
import { registerCustomFunctions, type CustomFunctionsRuntime } from './excel';

const runtime = (globalThis as { CustomFunctions?: CustomFunctionsRuntime }).CustomFunctions;
if (typeof runtime?.associate === 'function') registerCustomFunctions(runtime);

export {};
