import type { HeapGraph } from "../../engine/index.ts";
import { functionLabel } from "../chains/step-label.ts";

/** Classes of Node's (and Deno's Node-compatible) timer objects. */
const TIMER_CLASSES = new Set(["Timeout", "Immediate"]);
/** The property that holds a timer's callback. */
const CALLBACK_EDGES = new Set(["_onTimeout", "_onImmediate"]);

/**
 * The armed timers among a leak cluster's objects, told by what they run: how many, their most
 * common callback (`_onTimeout: ping() at utils.js:224:36`) and, when the timer list names it, the
 * interval. A timer that is never cleared keeps its callback, and whatever the callback closes
 * over, alive: the callback is what a leak hunter has to find.
 *
 * @example
 * ```ts
 * const timers = timerSummary(final, members);
 * if (timers) console.log(`${timers.count} ${timers.className} (${timers.callbackEdge}: ${timers.callback})`);
 * ```
 */
export interface TimerSummary {
  /** Timer objects in the cluster. */
  readonly count: number;
  /** Their class: `Timeout` or `Immediate`. */
  readonly className: string;
  /** The property that holds the callback: `_onTimeout` or `_onImmediate`. */
  readonly callbackEdge: string;
  /** The most common callback: `ping() at utils.js:224:36`, or null when none was found. */
  readonly callback: string | null;
}

/**
 * See {@link TimerSummary}: null when the cluster holds no timer objects.
 *
 * @example
 * ```ts
 * const timers = timerSummary(final, members);
 * ```
 */
export function timerSummary(graph: HeapGraph, members: readonly number[]): TimerSummary | null {
  const { classOf, names } = graph.classes();
  let count = 0, className = "", callbackEdge = "_onTimeout";
  const callbacks = new Map<string, number>();
  for (const o of members) {
    const name = names[classOf[o]];
    if (!TIMER_CLASSES.has(name)) continue;
    count++;
    className ||= name;
    const found = callbackOf(graph, o);
    if (!found) continue;
    callbackEdge = found.edge;
    callbacks.set(found.label, (callbacks.get(found.label) ?? 0) + 1);
  }
  if (count === 0) return null;
  let callback: string | null = null, most = 0;
  for (const [label, n] of callbacks) if (n > most) [callback, most] = [label, n];
  return { count, className, callbackEdge, callback };
}

/** The timer's callback closure (through one level of indirection, as Deno's timers have), labelled. */
function callbackOf(graph: HeapGraph, timer: number): { edge: string; label: string } | null {
  let found: { edge: string; label: string } | null = null;
  const visit = (o: number, depth: number) => {
    graph.forEachEdge(o, (target, e) => {
      if (found || graph.edgeTypeName(e) !== "property") return;
      const name = graph.edgeName(e);
      if (CALLBACK_EDGES.has(name) && graph.nodeTypeName(target) === "closure") found = { edge: name, label: functionLabel(graph, target) };
      else if (depth === 0 && name.startsWith("_") && graph.nodeTypeName(target) === "object") visit(target, 1);
    });
  };
  visit(timer, 0);
  return found;
}
