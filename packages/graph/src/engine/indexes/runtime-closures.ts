import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { TypeCodes } from "../graph-index-types.ts";
import { scriptNames } from "./script-names.ts";

/** Script names of the runtimes' own code: Node's `node:…`, Deno's `ext:…`, Bun's builtins. */
const RUNTIME_SCRIPT = /^(?:node:|ext:|internal\/|builtin:|bun:|deno:)/;

/**
 * Whether a script name is one of the runtime's own scripts (`node:internal/…`, `ext:deno_…`,
 * Bun's `builtin:…`), as opposed to the program's and its packages'.
 *
 * @example
 * ```ts
 * isRuntimeScript("node:internal/modules/cjs/loader"); // true
 * isRuntimeScript("file:///srv/app/server.mjs"); // false
 * ```
 */
export function isRuntimeScript(name: string): boolean {
  return RUNTIME_SCRIPT.test(name);
}

/**
 * One byte per node: 1 for the closures whose function is defined in a runtime script
 * ({@link isRuntimeScript}), by the snapshot's `locations` section and the scripts' names. The
 * retention tree takes paths through them only when the program's own objects lead nowhere, so
 * that a chain reads `module → exports → registry`, not `global → queueMicrotask → context →
 * process → … → Module._cache`. All zeros when the snapshot has no locations (Bun).
 *
 * @example
 * ```ts
 * const runtime = runtimeClosureMask(snapshot, snapshotCodes(snapshot));
 * if (runtime[o]) console.log("a node:internal / ext: function");
 * ```
 */
export function runtimeClosureMask(snapshot: HeapSnapshot, codes: TypeCodes): Uint8Array {
  const mask = new Uint8Array(snapshot.nodeCount);
  const locations = snapshot.locations;
  if (!locations) return mask;
  const names = scriptNames(snapshot, codes);
  const runtime = new Map<number, boolean>();
  for (const [id, name] of names) runtime.set(id, isRuntimeScript(name));
  const { nodeType, nodeCount } = snapshot;
  for (let i = 0; i < locations.count; i++) {
    const o = locations.objectOrdinal[i];
    if (o < nodeCount && nodeType[o] === codes.closure && runtime.get(locations.scriptId[i]) === true) mask[o] = 1;
  }
  return mask;
}
