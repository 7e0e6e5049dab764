import { isFrameRegistersEdge, isTransientRoot, type HeapGraph } from "../../engine/index.ts";
import type { AlsoHeldBy } from "./chain-rows.ts";

/**
 * The transient holders of node `o` other than `pathHolder` (its holder on the path shown):
 * `stack` when a transient GC root (`(Stack roots)`, `(Handle scope)`) holds it directly,
 * `async-frame` when the registers of a suspended async function or generator do
 * (`Generator -parameters_and_registers-> (array) -[3]-> o`). Empty when neither does. Only
 * retaining edges count. Looks at `o`'s retainers and theirs: constant work per retainer.
 *
 * @example
 * ```ts
 * alsoHeldBy(graph, session.ordinal, parent[session.ordinal]); // ["stack"]
 * ```
 */
export function alsoHeldBy(graph: HeapGraph, o: number, pathHolder: number): AlsoHeldBy[] {
  const rules = graph.retainingEdges();
  let stack = false, frame = false;
  graph.forEachRetainer(o, (holder, e) => {
    if (holder === pathHolder || !rules.retains(holder, e)) return;
    if (graph.nodeTypeName(holder) === "synthetic") {
      if (isTransientRoot(graph.nodeName(holder))) stack = true;
      return;
    }
    if (frame || graph.nodeTypeName(holder) !== "array") return;
    graph.forEachRetainer(holder, (_frame, edge) => {
      if (graph.edgeTypeName(edge) === "internal" && isFrameRegistersEdge(graph.edgeName(edge))) frame = true;
    });
  });
  const out: AlsoHeldBy[] = [];
  if (stack) out.push("stack");
  if (frame) out.push("async-frame");
  return out;
}
