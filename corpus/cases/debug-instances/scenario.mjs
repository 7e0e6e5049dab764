// debug-js/debug#678 "memory leak when instance is created inside a function" (debug 3.1.1 and 4.1.1).
// The report's repro creates a logger per call: `const d = debug('namespace'); d('hello world')`.
// Up to 4.2.0, createDebug() pushes every new instance into the module-level array
// `createDebug.instances` (so that enable()/disable() can update it later) and only the
// undocumented `d.destroy()` takes it out again; nobody calls it, so the array grows by one
// function per call. Fixed by debug-js/debug#740 (4.3.0): instances are no longer tracked.
// Here one action is one "request" that makes its own logger, as in the report.

/** @param {any} debug the package's default export */
export async function setup(debug) {
  return { debug, requests: 0 };
}

export async function action(state, i) {
  // A per-request logger, with a request-specific payload it closes over via its namespace.
  const log = state.debug(`app:request:${i}`);
  log("handled request %d", i);
  state.requests++;
}
