/**
 * Function file (manifest FunctionFile → commands.html). The ribbon button only opens the task pane
 * (ShowTaskpane), so nothing is registered yet; ExecuteFunction handlers go here via
 * Office.actions.associate(name, handler) once the manifest declares them.
 */
const office = (globalThis as { Office?: typeof Office }).Office;
if (typeof office?.onReady === 'function') void office.onReady();

export {};
