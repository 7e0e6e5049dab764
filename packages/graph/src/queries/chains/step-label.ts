import type { HeapGraph } from "../../engine/index.ts";
import { scriptBasename } from "../shared/script-basename.ts";
import type { ChainStep } from "./chain-rows.ts";

/** Longest walk along a timer list (`_idlePrev`) looking for its `TimersList`. */
const MAX_TIMER_WALK = 10_000;
const NUMERIC = /^\d+$/;

/**
 * A readable name for a chain step, where the class name says too little, or `undefined`:
 *
 * - a closure: its function name and place, `handler() at server.js:12:5` (`(anonymous)()` when
 *   it has no name);
 * - a Node timer (`Timeout` with `_onTimeout`): its kind, interval and callback,
 *   `Timeout(setInterval 1000 ms → poll() at poller.js:8:3)` — the interval is `_idleTimeout` where
 *   the snapshot writes small integers (Deno), else the key of the timer's `TimersList` in Node's
 *   list map (Node writes no node for small integers);
 * - a CommonJS module object: `Module(holder.js)`, by its `filename` / `id`;
 * - an ES module record or namespace: `module holder.mjs`, by the script of its module function;
 * - a module's scope (a context whose `extension` is a module record): `module scope of holder.mjs`;
 * - a module's async frame (the generator a module record runs, whose `parameters_and_registers`
 *   hold the top-level variables no closure captures): `async frame of module holder.mjs`.
 *
 * A listener is named by its event too, from the path (see {@link labelListeners}).
 *
 * @example
 * ```ts
 * stepLabel(graph, closureOrdinal); // "handler() at server.js:12:5"
 * stepLabel(graph, timerOrdinal); // "Timeout(setInterval 1000 ms → poll() at poller.js:8:3)"
 * ```
 */
export function stepLabel(graph: HeapGraph, o: number): string | undefined {
  const type = graph.nodeTypeName(o);
  if (type === "closure") return functionLabel(graph, o);
  const className = graph.className(o);
  if (className === "Timeout") return timerLabel(graph, o);
  if (graph.moduleMask()[o]) {
    const file = moduleFile(graph, o);
    if (!file) return undefined;
    return className === "Module" && namedEdge(graph, o, "property", "exports") >= 0 ? `Module(${scriptBasename(file)})` : `module ${scriptBasename(file)}`;
  }
  if (className === "Generator") {
    // A module's async frame: its registers hold the module's top-level variables no closure captures.
    let file: string | undefined;
    graph.forEachRetainer(o, (holder) => {
      if (file === undefined && graph.moduleMask()[holder] && graph.className(holder) !== "Module") file = moduleFile(graph, holder);
    });
    return file ? `async frame of module ${scriptBasename(file)}` : undefined;
  }
  if (className.startsWith("system / Context")) {
    const record = namedEdge(graph, o, "internal", "extension");
    const file = record >= 0 && graph.moduleMask()[graph.edgeTarget(record)] ? moduleFile(graph, graph.edgeTarget(record)) : undefined;
    return file ? `module scope of ${scriptBasename(file)}` : undefined;
  }
  return undefined;
}

/**
 * A closure's function name and place: `handler() at server.js:12:5` (1-based line and column,
 * the script's last path segment), `(anonymous)()` without a name, no place without a location.
 *
 * @example
 * ```ts
 * functionLabel(graph, o); // "poll() at poller.js:8:3"
 * ```
 */
export function functionLabel(graph: HeapGraph, closure: number): string {
  const name = graph.nodeName(closure) || "(anonymous)";
  const where = graph.location(closure);
  if (!where) return `${name}()`;
  const script = graph.scriptName(where.scriptId);
  return `${name}() at ${script ? scriptBasename(script) : `script ${where.scriptId}`}:${where.line + 1}:${where.column + 1}`;
}

/**
 * The file of a module: a CommonJS `Module`'s `filename` (or `id`), or for an ES module record or
 * namespace, the script of the record's module function; `undefined` when the snapshot does not say.
 *
 * @example
 * ```ts
 * moduleFile(graph, o); // "/srv/app/node_modules/leaky/index.js"
 * ```
 */
export function moduleFile(graph: HeapGraph, o: number): string | undefined {
  for (const name of ["filename", "id"]) {
    const e = namedEdge(graph, o, "property", name);
    if (e >= 0 && graph.nodeTypeName(graph.edgeTarget(e)).endsWith("string")) return graph.nodeName(graph.edgeTarget(e));
  }
  // A namespace object points to its record; a record to its module function's generator.
  let file: string | undefined;
  graph.forEachEdge(o, (target, e) => {
    if (file !== undefined || graph.edgeTypeName(e) !== "hidden") return;
    const className = graph.className(target);
    if (className === "Generator") {
      const fn = namedEdge(graph, target, "internal", "function");
      const where = fn >= 0 ? graph.location(graph.edgeTarget(fn)) : null;
      if (where) file = graph.scriptName(where.scriptId);
    } else if (target !== o && graph.moduleMask()[target] && graph.className(o) === "Module") {
      file = moduleFile(graph, target);
    }
  });
  return file;
}

/** `Timeout(setInterval 1000 ms → poll() at poller.js:8:3)`, as much of it as the snapshot says. */
function timerLabel(graph: HeapGraph, o: number): string | undefined {
  const callback = namedEdge(graph, o, "property", "_onTimeout");
  if (callback < 0) return undefined;
  const fn = graph.edgeTarget(callback);
  const what = graph.nodeTypeName(fn) === "closure" ? functionLabel(graph, fn) : graph.className(fn);
  // `_repeat` is null (Deno: false) for setTimeout; a repeating timer's is its interval (a small
  // integer, which Node writes as no edge at all) or true (Deno).
  const repeat = namedEdge(graph, o, "property", "_repeat");
  const repeatValue = repeat >= 0 ? graph.edgeTarget(repeat) : -1;
  const once = repeatValue >= 0 && graph.nodeTypeName(repeatValue) !== "number" && graph.nodeName(repeatValue) !== "true";
  const kind = once ? "setTimeout" : "setInterval";
  const idle = namedEdge(graph, o, "property", "_idleTimeout");
  const ms = (idle >= 0 ? numberValue(graph, graph.edgeTarget(idle)) : undefined) ?? timerInterval(graph, o);
  return `Timeout(${kind}${ms === undefined ? "" : ` ${ms} ms`} → ${what})`;
}

/** The key under which Node's timer list map holds the `TimersList` the timer is in: its interval in ms. */
function timerInterval(graph: HeapGraph, o: number): number | undefined {
  let x = o;
  for (let i = 0; i < MAX_TIMER_WALK; i++) {
    const e = namedEdge(graph, x, "property", "_idlePrev");
    if (e < 0) return undefined;
    x = graph.edgeTarget(e);
    if (x === o) return undefined;
    if (graph.className(x) === "TimersList") break;
  }
  if (graph.className(x) !== "TimersList") return undefined;
  let ms: number | undefined;
  graph.forEachRetainer(x, (_holder, e) => {
    if (ms !== undefined) return;
    const type = graph.edgeTypeName(e), name = graph.edgeName(e);
    if ((type === "element" || type === "property") && NUMERIC.test(name)) ms = Number(name);
  });
  return ms;
}

/** The value of a number node that carries it (Deno writes small integers as `smi number` nodes with a `value`). */
function numberValue(graph: HeapGraph, o: number): number | undefined {
  if (graph.nodeTypeName(o) !== "number") return undefined;
  const e = namedEdge(graph, o, "internal", "value");
  const value = e >= 0 ? Number(graph.nodeName(graph.edgeTarget(e))) : NaN;
  return Number.isFinite(value) ? value : undefined;
}

/** The first edge of `o` of `type` named `name`, or -1. */
function namedEdge(graph: HeapGraph, o: number, type: string, name: string): number {
  let found = -1;
  graph.forEachEdge(o, (_target, e) => {
    if (found < 0 && graph.edgeTypeName(e) === type && graph.edgeName(e) === name) found = e;
  });
  return found;
}

/**
 * The steps of a path with its event listeners named by their event: a closure held by an
 * emitter's `_events` object under an event name (directly, or in that event's listener array)
 * gets the label `listener "close": onClose() at server.js:12:5`. Other steps are unchanged.
 *
 * @example
 * ```ts
 * labelListeners(steps).at(-1)?.label; // 'listener "close": onClose() at server.js:12:5'
 * ```
 */
export function labelListeners(steps: readonly ChainStep[]): ChainStep[] {
  return steps.map((step, i) => {
    if (step.type !== "closure" || step.label === undefined) return step;
    // `_events -close->` the function, or `_events -close-> Array -[3]->` the function.
    const k = step.edge?.type === "element" && i >= 1 && steps[i - 1].className === "Array" ? i - 1 : i;
    const event = steps[k].edge;
    if (k < 1 || event?.type !== "property" || steps[k - 1].edge?.name !== "_events") return step;
    return { ...step, label: `listener ${JSON.stringify(event.name)}: ${step.label}` };
  });
}
