import type { HeapGraph, HeapNode } from "../../engine/index.ts";
import { ordinalOf } from "../shared/node-arguments.ts";
import { alsoHeldBy } from "./also-held-by.ts";
import { labelListeners } from "./step-label.ts";
import type { NonRetainingHolder, RootPath } from "./chain-rows.ts";
import { chainEdge, chainStep } from "./chain-step.ts";

/**
 * The shortest path from a GC root that keeps `node` alive, root first: the synthetic root, then
 * a global object or a GC sub-root such as `(Global handles)` or `(Stack roots)`, down to the
 * node, each step with the edge that holds the next.
 *
 * Only edges that retain count: never weak edges, never a WeakRef's target edge, never V8's
 * `weak_refs_keep_during_job` list (it lets go when the current job ends). A WeakMap value is
 * reached through its key, with the WeakMap table named in `weakMapTable`. Paths from global
 * objects are preferred over paths from other roots, paths through the runtime's own closures
 * (`node:…`, `ext:…`) over none, durable holders over the running code's stack and a suspended
 * module frame's registers, and paths through V8 plumbing are used only when nothing else holds
 * the node (see `retentionTree`). When the stack or a suspended frame holds the node too,
 * `alsoHeldBy` says so (`["stack"]`).
 *
 * When nothing retains the node — it is alive in the file only because a weak reference or a
 * job-scoped hold still pointed at it when the snapshot was taken — `found` is false and
 * `reason` and `nonRetaining` say so.
 *
 * @example
 * ```ts
 * const path = pathToRoot(graph, byType(graph, "MyBigFatObject")[0]);
 * if (path.found) console.log(path.steps.map((s) => s.edge?.name ?? s.className).join(" → "));
 * else console.log(path.reason);
 * ```
 */
export function pathToRoot(graph: HeapGraph, node: HeapNode): RootPath {
  const target = ordinalOf("pathToRoot", graph, node);
  const { parent, parentEdge, pairEdge } = graph.retentionTree();
  if (target === graph.rootOrdinal) return { found: true, steps: [chainStep(graph, target, -1)] };
  if (parent[target] < 0) return noPath(graph, target);
  const ordinals: number[] = [];
  for (let o = target; o >= 0; o = parent[o]) ordinals.push(o);
  ordinals.reverse();
  const steps = labelListeners(ordinals.map((o, i) => chainStep(graph, o, i === 0 ? -1 : parentEdge[o], pairEdge.get(o) ?? -1)));
  const also = alsoHeldBy(graph, target, parent[target]);
  return also.length > 0 ? { found: true, steps, alsoHeldBy: also } : { found: true, steps };
}

function noPath(graph: HeapGraph, target: number): RootPath {
  const rules = graph.retainingEdges();
  const { id } = graph.nodeColumns();
  const nonRetaining: NonRetainingHolder[] = [];
  let retained = 0;
  graph.forEachRetainer(target, (holder, e) => {
    const why = rules.whyNot(holder, e);
    if (why === null) retained++;
    else nonRetaining.push({ id: id[holder], className: graph.className(holder), edge: chainEdge(graph, e), why });
  });
  let reason: string;
  if (nonRetaining.length === 0 && retained === 0) {
    reason = "nothing refers to this node: it is garbage the snapshot still contained";
  } else if (retained === 0) {
    const kinds = [...new Set(nonRetaining.map((h) => WHY_TEXT[h.why]))].join(" and ");
    reason = `no strong path from a GC root: it is held only by ${kinds}, which do not keep it alive`;
  } else {
    reason = "no strong path from a GC root: its holders are themselves unreachable (a cycle or island no root holds)";
  }
  return { found: false, steps: [chainStep(graph, target, -1)], reason, nonRetaining };
}

const WHY_TEXT: Record<NonRetainingHolder["why"], string> = {
  weak: "weak references",
  "weak-ref": "a WeakRef",
  "keep-during-job": "V8's list of WeakRef targets kept until the current job ends",
};
