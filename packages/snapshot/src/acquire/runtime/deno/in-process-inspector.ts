/**
 * Deno's in-process inspector: Deno implements `node:inspector`, so this is Node's session
 * (`../node/in-process-inspector.ts`), refused unless Deno runs with sys permission.
 *
 * @module
 */
import { inspectorSession, type InProcessInspectorOpener } from "../node/in-process-inspector.ts";

/**
 * Deno's in-process inspector session; without `--allow-sys` it rejects with a
 * `NotSupportedError` naming the flag.
 *
 * @example
 * ```ts
 * const inspector = await inProcessInspector("heapIdOf"); // deno run --allow-sys …
 * ```
 */
export const inProcessInspector: InProcessInspectorOpener = inspectorSession(
  "deno",
  () => "Deno's node:inspector needs sys permission: run with --allow-sys (or -A)",
);
