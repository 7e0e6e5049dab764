import type { HeapGraph } from "../../engine/index.ts";
import { chainStep } from "../chains/chain-step.ts";
import { collapseRepeats } from "../chains/collapse-repeats.ts";
import { holderEntries, unitOf } from "./holder-entries.ts";
import type { CodeLocation, LeakHolder } from "./leak-rows.ts";
import { shortNativeName } from "../shared/native-class-name.ts";
import { scriptBasename } from "../shared/script-basename.ts";

const UNKNOWN = -2;
/** Internal edges that only lead from an object to its own storage: skipped when naming a holder. */
const STORAGE_EDGES = new Set(["elements", "table", "properties", "context"]);
/** How far up a holder's path the label and the code behind it are looked for. */
const LABEL_EDGES = 3;
const PATH_LIMIT = 64;

/**
 * Where each new object of `after` hangs: its growing holder and the entry it was added as.
 *
 * @example
 * ```ts
 * const { holderOf, entryOf } = oldHolders(final, final.idMatches(baseline));
 * ```
 */
export interface OldHolders {
  /** The growing holder of node `o`, or -1 when no ancestor existed before. */
  holderOf(o: number): number;
  /** The node right below the holder on `o`'s path: `o` itself, or a new collection (a listener array created since) holding it. */
  entryOf(o: number): number;
}

/**
 * For the nodes of `after`, the *growing holder* of each new object: the nearest ancestor on its
 * retaining path (see `retentionTree`) that already existed in `before` — the old array, Map,
 * listener list or object the new objects were added to — lifted past V8's backing stores and
 * plumbing to the object that owns them (a Map's hash table to the Map), and up a linked list of
 * one class to the object holding its head (a timer list). Memoized down the retention tree:
 * linear in the nodes asked for and their ancestors, whatever the depth.
 *
 * @example
 * ```ts
 * const { holderOf } = oldHolders(final, final.idMatches(baseline));
 * const holder = holderOf(leakedOrdinal); // -1 when no ancestor existed before
 * ```
 */
export function oldHolders(after: HeapGraph, existedBefore: Int32Array): OldHolders {
  const { parent } = after.retentionTree();
  const plumbing = after.plumbingMask();
  const codes = after.typeCodes();
  const { type, name, strings } = after.nodeColumns();
  const holders = new Int32Array(after.nodeCount).fill(UNKNOWN);
  const entries = new Int32Array(after.nodeCount).fill(-1);
  const storage = (o: number) => {
    const t = type[o];
    if (plumbing[o] || t === codes.array || t === codes.hidden || t === codes.code) return true;
    const n = strings[name[o]] ?? "";
    return t === codes.object && n.startsWith("system / ") && !n.startsWith("system / Context");
  };
  const { classOf } = after.classes();
  // Past backing stores to their owner, and up a linked list of one class (a timer list's
  // `Timeout -_idleNext-> Timeout …`) to the object that holds its head.
  const lift = (o: number) => {
    while (storage(o) && parent[o] >= 0) o = parent[o];
    if (type[o] === codes.synthetic || parent[o] < 0 || classOf[parent[o]] !== classOf[o]) return o;
    while (parent[o] >= 0 && classOf[parent[o]] === classOf[o]) o = parent[o];
    o = parent[o] >= 0 ? parent[o] : o;
    while (storage(o) && parent[o] >= 0) o = parent[o];
    return o;
  };
  const resolve = (o: number) => {
    const pending: number[] = [];
    for (let x = o; x >= 0 && holders[x] === UNKNOWN; x = parent[x]) pending.push(x);
    for (let i = pending.length - 1; i >= 0; i--) {
      const node = pending[i], holder = parent[node];
      if (holder < 0) holders[node] = -1;
      else if (existedBefore[holder] >= 0) {
        holders[node] = lift(holder);
        entries[node] = node;
      } else {
        holders[node] = holders[holder];
        entries[node] = entries[holder];
      }
    }
  };
  return {
    holderOf(o) {
      resolve(o);
      return holders[o];
    },
    entryOf(o) {
      resolve(o);
      return entries[o];
    },
  };
}

/**
 * New objects grouped by growing holder: per holder, how many it holds, their retained size and
 * how many hang under each entry (see {@link OldHolders}).
 *
 * @example
 * ```ts
 * const byHolder = groupByHolder(leaked, oldHolders(final, final.idMatches(baseline)), (o) => retained[o]);
 * ```
 */
export function groupByHolder(members: Iterable<number>, holders: OldHolders, ownSize: (o: number) => number): Map<number, HeldObjects> {
  const out = new Map<number, HeldObjects>();
  for (const o of members) {
    const h = holders.holderOf(o);
    if (h < 0) continue;
    let row = out.get(h);
    if (!row) out.set(h, (row = { holds: 0, retainedSize: 0, entries: new Map<number, number>() }));
    row.holds++;
    row.retainedSize += ownSize(o);
    const entry = holders.entryOf(o);
    row.entries.set(entry, (row.entries.get(entry) ?? 0) + 1);
  }
  return out;
}

/**
 * What a growing holder holds of the new objects (see {@link groupByHolder}).
 *
 * @example
 * ```ts
 * const row: HeldObjects = { holds: 40, retainedSize: 4096, entries: new Map([[listeners, 40]]) };
 * ```
 */
export interface HeldObjects {
  holds: number;
  retainedSize: number;
  /** New objects per entry right below the holder. */
  readonly entries: Map<number, number>;
}

/**
 * The holder to report: `holder`, or the collection created since the baseline right below it
 * that holds most of its new objects (the `tick` listener array added to an old `_events`).
 * `held.entries` counts the new objects per entry (see `OldHolders.entryOf`).
 *
 * @example
 * ```ts
 * const reported = growingCollection(final, holder, { holds: 40, entries: new Map([[tickArray, 40]]) }); // tickArray
 * ```
 */
export function growingCollection(graph: HeapGraph, holder: number, held: { holds: number; entries: ReadonlyMap<number, number> }): number {
  let best = -1, most = 0;
  for (const [entry, n] of held.entries) if (n > most) [best, most] = [entry, n];
  if (best < 0 || most * 2 < held.holds) return holder;
  const { kind } = holderEntries(graph, best);
  return kind === "array" || kind === "map" || kind === "set" ? best : holder;
}

/**
 * The row describing growing holder `holder` of `graph` (the last snapshot): its entries in each
 * of `snapshots` (the same object by heap id; null where it did not exist), how its path names it
 * (`createDebug.instances`, `Socket._events.close`), its path from the roots with repeats
 * collapsed, and the code behind it (the nearest function on its path with a script position).
 *
 * @example
 * ```ts
 * const row = describeHolder(final, holder, [baseline, target, final], { holds: 400, retainedSize: 123456 });
 * console.log(row.label, row.entries.join(" → "), row.unit);
 * ```
 */
export function describeHolder(
  graph: HeapGraph,
  holder: number,
  snapshots: readonly HeapGraph[],
  held: { holds: number; retainedSize: number },
): LeakHolder {
  const { parent, parentEdge } = graph.retentionTree();
  const id = graph.nodeColumns().id[holder];
  const { kind, entries } = holderEntries(graph, holder);
  const counts = snapshots.map((s) => {
    if (s === graph) return entries;
    const o = s.ordinalOfId(id);
    return o < 0 ? null : holderEntries(s, o).entries;
  });
  const ordinals: number[] = [];
  for (let x = holder; x >= 0 && ordinals.length < PATH_LIMIT; x = parent[x]) ordinals.push(x);
  ordinals.reverse();
  const path = collapseRepeats(ordinals.map((x, i) => chainStep(graph, x, i === 0 ? -1 : parentEdge[x])));
  const edge = parentEdge[holder] >= 0 ? graph.edgeName(parentEdge[holder]) : null;
  return {
    id,
    className: displayClass(graph, holder),
    kind,
    label: kind === "listeners" ? listenersOwner(graph, holder, parent) : holderLabel(graph, holder, parent, parentEdge),
    edge,
    unit: unitOf(kind),
    entries: counts,
    holds: held.holds,
    retainedSize: held.retainedSize,
    path,
    code: codeBehind(graph, holder, parent),
  };
}

/** `owner.edge.edge`: the holder's last named edges, from the nearest owner with a name of its own. */
function holderLabel(graph: HeapGraph, holder: number, parent: Int32Array, parentEdge: Int32Array): string {
  if (graph.nodeTypeName(holder) === "synthetic") return "";
  const names: string[] = [];
  let x = holder;
  while (parent[x] >= 0 && names.length < LABEL_EDGES) {
    // The synthetic root's edges are numbers: a root is named by its class alone.
    if (parent[parent[x]] < 0 && graph.nodeTypeName(parent[x]) === "synthetic") break;
    const e = parentEdge[x], edgeName = graph.edgeName(e);
    const type = graph.edgeTypeName(e);
    if (!(type === "internal" && STORAGE_EDGES.has(edgeName))) names.push(type === "element" ? `[${edgeName}]` : edgeName);
    x = parent[x];
    if (names.length > 0 && isNamedOwner(graph, x)) break;
  }
  if (x === holder) return "";
  const owner = parent[x] >= 0 || graph.nodeTypeName(x) !== "synthetic" ? ownerName(graph, x) : "";
  return [owner, ...names.reverse()].filter(Boolean).join(".").replace(/\.\[/g, "[");
}

function isNamedOwner(graph: HeapGraph, o: number): boolean {
  const type = graph.nodeTypeName(o);
  if (type === "closure") return true;
  if (type !== "object" && type !== "native") return false;
  const className = graph.className(o);
  // `{close, error, …}` is an object named by its properties (an `_events` table): not a name.
  return className !== "Object" && className !== "Array" && !className.startsWith("system / ") && !className.startsWith("(") && !className.startsWith("{");
}

/**
 * A node's class, or for the synthetic root's categories their name: `(Strong roots)`, `(Stack roots)`.
 * Blink's template classes in short (`HeapVector<RegisteredEventListener>`).
 */
function displayClass(graph: HeapGraph, o: number): string {
  return graph.nodeTypeName(o) === "synthetic" ? graph.nodeName(o) : shortNativeName(graph.className(o));
}

/** Blink's bookkeeping between an EventTarget and its listener lists. */
const LISTENER_PLUMBING = /^blink::(?:EventTargetData|EventListenerMap)$|</;

/** The EventTarget whose listener list `holder` is: `Window`, `HTMLButtonElement`. */
function listenersOwner(graph: HeapGraph, holder: number, parent: Int32Array): string {
  let x = parent[holder];
  while (x >= 0 && LISTENER_PLUMBING.test(graph.className(x))) x = parent[x];
  if (x < 0 || graph.nodeTypeName(x) === "synthetic") return "an EventTarget";
  if (graph.globalMask()[x]) return "Window";
  return displayClass(graph, x).replace(/^blink::/, "").replace(/ \/ .*$/, "");
}

function ownerName(graph: HeapGraph, o: number): string {
  // `global`, `Window [JSGlobalObject]`, `Window`: one name on every runtime.
  if (graph.globalMask()[o]) return "globalThis";
  if (graph.nodeTypeName(o) === "closure") {
    const name = graph.nodeName(o);
    if (name && name !== "anonymous") return name;
    const where = graph.location(o);
    const script = where ? graph.scriptName(where.scriptId) : undefined;
    return script ? `(module ${scriptBasename(script)})` : "(anonymous)";
  }
  return displayClass(graph, o);
}

/** The nearest function on the holder's path (the holder itself first) with a script position. */
function codeBehind(graph: HeapGraph, holder: number, parent: Int32Array): CodeLocation | null {
  for (let x = holder, steps = 0; x >= 0 && steps <= LABEL_EDGES + 2; x = parent[x], steps++) {
    const where = graph.location(x);
    if (!where) continue;
    const script = graph.scriptName(where.scriptId) ?? `script ${where.scriptId}`;
    const name = graph.nodeTypeName(x) === "closure" ? graph.nodeName(x) || "(anonymous)" : graph.className(x);
    return { functionName: name, script, line: where.line + 1, column: where.column + 1 };
  }
  return null;
}

