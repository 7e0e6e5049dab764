import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { TypeCodes } from "../graph-index-types.ts";
import { isRuntimeScript } from "./runtime-closures.ts";

/**
 * Why a node is noise, by the code {@link noiseMask} stores for it: index 0 (`"user"`) is not
 * noise; `"engine"` is an engine internal (compiled code, hidden classes, feedback, `(system)`,
 * `system / …`, heap numbers, strings, internal arrays and backing stores, roots); `"heapgraph"`
 * is heapgraph's own objects and its dependencies' (zod, ws, Graphviz-WASM); `"snapshot"` is the
 * runtime machinery of taking the snapshot (V8's `HeapSnapshotStream`, the inspector session);
 * `"runtime"` is the runtime's own objects (defined in `node:…`, `ext:…` scripts, embedder
 * objects such as `Node / …`). The growth and leak queries hide `engine`, `heapgraph` and
 * `snapshot` by default, and `runtime` too when asked for user objects only.
 *
 * @example
 * ```ts
 * const reason = NOISE_REASONS[graph.noiseMask()[o]]; // "user", "engine", "heapgraph", ...
 * ```
 */
export const NOISE_REASONS = ["user", "engine", "heapgraph", "snapshot", "runtime"] as const;

/**
 * A name of {@link NOISE_REASONS}.
 *
 * @example
 * ```ts
 * const why: NoiseReason = NOISE_REASONS[graph.noiseMask()[o]];
 * ```
 */
export type NoiseReason = (typeof NOISE_REASONS)[number];

/** Reason codes, as stored in the mask (indexes of {@link NOISE_REASONS}). */
const USER = 0, ENGINE = 1, HEAPGRAPH = 2, SNAPSHOT = 3, RUNTIME = 4;

/** Node types that are engine internals whatever their name. */
const ENGINE_TYPES = new Set(["hidden", "code", "object shape", "number", "string", "concatenated string", "sliced string", "array", "synthetic"]);

/**
 * Scripts of heapgraph and of its dependencies, by URL or path: the project's packages (from
 * npm, JSR, or this repository's `packages/<name>/src|dist/`), zod, ws, Graphviz-WASM.
 */
const HEAPGRAPH_SCRIPT =
  /(?:\/node_modules\/(?:\.deno\/[^/]+\/node_modules\/)?(?:@heapgraph\/|heapgraph\/|zod\/|ws\/|@hpcc-js\/wasm)|\/npm\/[^/]+\/(?:@heapgraph\/|zod\/|ws\/|@hpcc-js\/wasm)|jsr\.io\/@heapgraph\/|\/packages\/(?:snapshot|graph|render|notebook|heapgraph)\/(?:src|dist)\/)/;

/** Node's and Deno's scripts of taking a heap snapshot (`node:v8` → `HeapSnapshotStream`, the inspector). */
const SNAPSHOT_SCRIPT = /^(?:node:(?:internal\/)?(?:heap_utils|inspector|v8)|ext:node\/.*(?:inspector|v8)|node:internal\/inspector)/;


/** Class names of the snapshot machinery (objects, or native nodes named after them). */
const SNAPSHOT_NAME = /^(?:HeapSnapshotStream|(?:Node \/ )?(?:HeapSnapshot|Inspector|JSBindingsConnection)\w*)$/;

/** An embedder object name such as `Node / MessagePortData` or `Blink / …`. */
const EMBEDDER_NAME = /^[A-Za-z0-9 ]+ \/ /;

/**
 * One byte per node: why the node is noise for a leak hunter, as an index of
 * {@link NOISE_REASONS} (0 = a user object). The engine computes it once per graph
 * (`graph.noiseMask()`).
 *
 * The rules, in order:
 *
 * 1. `engine`: V8 plumbing (see `plumbingMask`), nodes of type `hidden` (`(system)`), `code`,
 *    `object shape`, `number`, strings, `array` (internal arrays and backing stores) and
 *    `synthetic` (roots), and `system / …` objects. Embedder objects (`Node / …`) are `runtime`.
 * 2. By the script that defines the node (the snapshot's `locations`: a closure's function, an
 *    object's constructor): heapgraph's packages and its dependencies (zod, ws, Graphviz-WASM) are
 *    `heapgraph`; `node:internal/heap_utils`, `node:inspector`, `node:v8` are `snapshot`; other
 *    `node:…`, `ext:…` and builtin scripts are `runtime`.
 * 3. By shape, for snapshots without locations (Bun): zod's schemas and their internals and
 *    heapgraph's graphs, known by two property names each, are `heapgraph`; objects named after
 *    the snapshot machinery (`HeapSnapshotStream`, `Node / Inspector…`) are `snapshot` (rule 1).
 * 4. What only `heapgraph` and `snapshot` nodes hold (every strong edge to it comes from one) takes
 *    their reason, transitively: a cheap, exclusive part of their dominator subtrees (the typed
 *    arrays of an earlier graph, the strings of a parsed header).
 *
 * @example
 * ```ts
 * const noise = noiseMask(snapshot, codes, plumbingMask(snapshot, codes), (id) => names.get(id));
 * if (noise[o] === 0) console.log("a user object");
 * ```
 */
export function noiseMask(snapshot: HeapSnapshot, codes: TypeCodes, plumbing: Uint8Array, scriptName: (scriptId: number) => string | undefined): Uint8Array {
  const { nodeCount, nodeType, nodeName, strings, nodeTypeNames } = snapshot;
  const mask = new Uint8Array(nodeCount);
  const engineType = nodeTypeNames.map((t) => ENGINE_TYPES.has(t));
  const { native } = codes;
  // Per name string index: 0 unknown, then 1 + the reason its name gives (USER when none).
  const byName = new Uint8Array(strings.length);
  for (let o = 0; o < nodeCount; o++) {
    const t = nodeType[o];
    if (plumbing[o] || engineType[t]) {
      mask[o] = ENGINE;
      continue;
    }
    const n = nodeName[o];
    let known = byName[n];
    if (known === 0) byName[n] = known = 1 + reasonOfName(strings[n] ?? "", t === native);
    if (known > 1) mask[o] = known - 1;
  }
  markByScript(snapshot, mask, scriptName);
  markByShape(snapshot, codes, mask);
  spreadToExclusive(snapshot, codes, mask);
  return mask;
}

/** The reason a node's name alone gives (USER for none). */
function reasonOfName(name: string, isNative: boolean): number {
  if (name.startsWith("system / ")) return ENGINE;
  if (SNAPSHOT_NAME.test(name)) return SNAPSHOT;
  if (isNative && EMBEDDER_NAME.test(name)) return RUNTIME;
  return USER;
}

/** Rule 2: closures and objects by the script of their function or constructor. */
function markByScript(snapshot: HeapSnapshot, mask: Uint8Array, scriptName: (scriptId: number) => string | undefined): void {
  const locations = snapshot.locations;
  if (!locations) return;
  const byScript = new Map<number, number>();
  for (let i = 0; i < locations.count; i++) {
    const o = locations.objectOrdinal[i];
    if (o >= snapshot.nodeCount || mask[o] === ENGINE) continue;
    const id = locations.scriptId[i];
    let reason = byScript.get(id);
    if (reason === undefined) byScript.set(id, (reason = reasonOfScript(scriptName(id) ?? "")));
    if (reason !== USER && (mask[o] === USER || mask[o] === RUNTIME)) mask[o] = reason;
  }
}

function reasonOfScript(script: string): number {
  if (script === "") return USER;
  if (HEAPGRAPH_SCRIPT.test(script)) return HEAPGRAPH;
  if (SNAPSHOT_SCRIPT.test(script)) return SNAPSHOT;
  if (isRuntimeScript(script)) return RUNTIME;
  return USER;
}

/**
 * Objects of heapgraph and its dependencies known by two property names, for snapshots that say
 * nothing of where a constructor is defined (Bun's): zod's schemas (`_zod`, `~standard`) and
 * their internals (`traits`, `constr`) and cached shapes (`shape`, `allKeys`), heapgraph's graphs
 * (`#codes`, `snapshot`: objects the constructor always sets, unlike the lazily made `#columns`) and parsed snapshots (`nodeTypeNames`, `edgeTypeNames`).
 */
const HEAPGRAPH_SHAPES: readonly (readonly [string, string])[] = [
  ["_zod", "~standard"],
  ["traits", "constr"],
  ["#codes", "snapshot"],
  ["nodeTypeNames", "edgeTypeNames"],
  ["shape", "allKeys"],
];

/** Rule 3: heapgraph's and zod's objects by their properties (any runtime; the only way in Bun's snapshots). */
function markByShape(snapshot: HeapSnapshot, codes: TypeCodes, mask: Uint8Array): void {
  const { nodeCount, nodeType, strings, firstEdge, edgeType, edgeNameOrIndex } = snapshot;
  // Per string index: 1 + the shape it is the first name of, or the negated 1 + shape of the second.
  // Every index of a name counts: a string table may hold one text more than once (Bun's does).
  const roleOf = new Map<string, number>();
  HEAPGRAPH_SHAPES.forEach(([first, second], k) => {
    roleOf.set(first, k + 1);
    roleOf.set(second, -(k + 1));
  });
  const role = new Int8Array(strings.length);
  let any = false;
  for (let i = 0; i < strings.length; i++) {
    const r = roleOf.get(strings[i]!);
    if (r === undefined) continue;
    role[i] = r;
    any = true;
  }
  if (!any) return;
  const { object, edgeProperty } = codes;
  const found = new Int8Array(HEAPGRAPH_SHAPES.length);
  for (let o = 0; o < nodeCount; o++) {
    if (nodeType[o] !== object || mask[o] !== USER) continue;
    found.fill(0);
    for (let e = firstEdge[o], end = firstEdge[o + 1]; e < end; e++) {
      if (edgeType[e] !== edgeProperty) continue;
      const r = role[edgeNameOrIndex[e]];
      if (r === 0) continue;
      const k = Math.abs(r) - 1;
      found[k] |= r > 0 ? 1 : 2;
      if (found[k] === 3) {
        mask[o] = HEAPGRAPH;
        break;
      }
    }
  }
}

/**
 * Rule 4: a node every strong edge to which comes from a `heapgraph` or `snapshot` node takes
 * that node's reason; then a node every strong edge to which comes from compiled code or an
 * allocation site (boilerplates, script sources) is `engine`. One pass counts strong edges per
 * target; each spread is one breadth-first pass.
 */
function spreadToExclusive(snapshot: HeapSnapshot, codes: TypeCodes, mask: Uint8Array): void {
  const { nodeCount, nodeType, nodeName, strings, edgeType, edgeTarget } = snapshot;
  const holders = new Uint32Array(nodeCount);
  for (let e = 0, end = edgeTarget.length; e < end; e++) if (edgeType[e] !== codes.edgeWeak) holders[edgeTarget[e]]++;
  const queue = new Uint32Array(nodeCount);
  let seeds = 0;
  for (let o = 0; o < nodeCount; o++) if (mask[o] === HEAPGRAPH || mask[o] === SNAPSHOT) queue[seeds++] = o;
  // Run 1 may take nodes of any reason but its own; it leaves the counts of what it did not take.
  const left = holders.slice();
  spread(snapshot, codes, mask, queue, seeds, left, (1 << USER) | (1 << ENGINE) | (1 << RUNTIME), -1);
  const allocationSite = strings.indexOf("system / AllocationSite");
  seeds = 0;
  for (let o = 0; o < nodeCount; o++) {
    if (mask[o] === ENGINE && (nodeType[o] === codes.code || nodeName[o] === allocationSite)) queue[seeds++] = o;
  }
  spread(snapshot, codes, mask, queue, seeds, holders, 1 << USER, ENGINE);
}

/**
 * Spreads from the `seeds` first nodes of `queue` to every node whose strong holders all are
 * reached, if its reason is in the `takes` bit set: it gets `reason`, or its spreader's when -1.
 */
function spread(snapshot: HeapSnapshot, codes: TypeCodes, mask: Uint8Array, queue: Uint32Array, seeds: number, holders: Uint32Array, takes: number, reason: number): void {
  const { firstEdge, edgeType, edgeTarget, rootOrdinal } = snapshot;
  const weak = codes.edgeWeak;
  const queued = new Uint8Array(snapshot.nodeCount);
  for (let i = 0; i < seeds; i++) queued[queue[i]] = 1;
  let tail = seeds;
  for (let head = 0; head < tail; head++) {
    const o = queue[head];
    const given = reason < 0 ? mask[o] : reason;
    for (let e = firstEdge[o], end = firstEdge[o + 1]; e < end; e++) {
      if (edgeType[e] === weak) continue;
      const t = edgeTarget[e];
      if (--holders[t] !== 0 || queued[t] || t === rootOrdinal || !((takes >> mask[t]) & 1)) continue;
      mask[t] = given;
      queued[t] = 1;
      queue[tail++] = t;
    }
  }
}
