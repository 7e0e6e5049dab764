import type { HeapSnapshot } from "@heapgraph/snapshot";
import { GraphError } from "../graph-error.ts";
import type { AllocationFrame } from "../graph-index-types.ts";

/** `@heapgraph/snapshot`'s `TRACE_TREE_OPEN` and `TRACE_TREE_CLOSE` (the engine takes only types from that entry). */
const TRACE_TREE_OPEN = -1, TRACE_TREE_CLOSE = -2;

/** An empty, shared result for trace nodes without frames. */
const NO_FRAMES: readonly AllocationFrame[] = Object.freeze([]);

/**
 * The allocation stacks of a snapshot taken with allocation tracking on: `trace_tree` (nested
 * `[id, function_info_index, count, size, [children]]`, fields from `meta.trace_node_fields`)
 * indexed as one parent pointer and one function per trace node, in typed arrays, and
 * `trace_function_infos` (`function_id, name, script_name, script_id, line, column`) read when a
 * stack is asked for. A stack's frames are built on first request and shared by every object
 * allocated there.
 *
 * Lines and columns: V8 writes them 1-based in this section (0 when unknown; DevTools subtracts
 * 1 before linking), unlike the 0-based `locations` section. Frames keep them 1-based. A frame
 * names the *function* that was running (its position is where the function starts), not the
 * statement: V8 records functions, not call sites.
 *
 * @example
 * ```ts
 * const traces = AllocationTraceIndex.of(snapshot, (id) => scriptNameOf(id));
 * const frames = traces?.stack(snapshot.nodeTraceId?.[ordinal] ?? 0); // top frame first, or null
 * ```
 */
export class AllocationTraceIndex {
  /** Trace node (by position in the tree) → parent position, -1 for a tree root. */
  readonly #parent: Int32Array;
  /** Trace node → index into the function infos. */
  readonly #functionInfo: Uint32Array;
  /** Trace node id → position + 1 (0: no such id). */
  readonly #positionOfId: Uint32Array;
  readonly #functionInfos: Float64Array;
  readonly #infoFields: number;
  readonly #fields: { name: number; scriptName: number; scriptId: number; line: number; column: number };
  readonly #strings: readonly string[];
  readonly #scriptName: (scriptId: number) => string | undefined;
  /** Frames per trace node position, built on request. */
  readonly #stacks = new Map<number, readonly AllocationFrame[]>();

  /**
   * The index of `snapshot`'s allocation traces, or null when it has none (tracking was off, or
   * no node carries a trace id). `scriptName` names a script id when a function info has no
   * script name (code compiled from a string with `//# sourceURL=`).
   *
   * @example
   * ```ts
   * const traces = AllocationTraceIndex.of(snapshot, () => undefined);
   * if (!traces) console.log("taken without allocation tracking");
   * ```
   */
  static of(snapshot: HeapSnapshot, scriptName: (scriptId: number) => string | undefined): AllocationTraceIndex | null {
    const traces = snapshot.traces;
    if (!traces || !snapshot.nodeTraceId || traces.tree.length === 0) return null;
    return new AllocationTraceIndex(snapshot, scriptName);
  }

  private constructor(snapshot: HeapSnapshot, scriptName: (scriptId: number) => string | undefined) {
    const { meta } = snapshot.header;
    const traces = snapshot.traces!;
    this.#strings = snapshot.strings;
    this.#scriptName = scriptName;
    this.#functionInfos = traces.functionInfos;
    const infoFields = meta.trace_function_info_fields ?? ["function_id", "name", "script_name", "script_id", "line", "column"];
    this.#infoFields = infoFields.length;
    const field = (name: string) => infoFields.indexOf(name);
    this.#fields = { name: field("name"), scriptName: field("script_name"), scriptId: field("script_id"), line: field("line"), column: field("column") };
    const nodeFields = meta.trace_node_fields ?? ["id", "function_info_index", "count", "size", "children"];
    const tree = traces.tree;
    const { parent, functionInfo, ids, count } = readTree(tree, nodeFields);
    this.#parent = parent;
    this.#functionInfo = functionInfo;
    let maxId = 0;
    for (let k = 0; k < count; k++) if (ids[k] > maxId) maxId = ids[k];
    const positionOfId = new Uint32Array(maxId + 1);
    for (let k = 0; k < count; k++) positionOfId[ids[k]] = k + 1;
    this.#positionOfId = positionOfId;
  }

  /**
   * The allocation stack of trace node `traceNodeId`, top frame first, without the tree's
   * synthetic `(root)`; null for 0 and for ids the tree does not have. The same (frozen) array
   * for every object allocated at that trace node.
   *
   * @example
   * ```ts
   * const frames = traces.stack(traceId);
   * if (frames) console.log(frames.map((f) => f.functionName).join(" ← "));
   * ```
   */
  stack(traceNodeId: number): readonly AllocationFrame[] | null {
    if (traceNodeId <= 0 || traceNodeId >= this.#positionOfId.length) return null;
    const position = this.#positionOfId[traceNodeId] - 1;
    if (position < 0) return null;
    let frames = this.#stacks.get(position);
    if (!frames) {
      const out: AllocationFrame[] = [];
      for (let k = position; k >= 0 && this.#parent[k] >= 0; k = this.#parent[k]) out.push(this.#frame(this.#functionInfo[k]));
      frames = out.length === 0 ? NO_FRAMES : Object.freeze(out);
      this.#stacks.set(position, frames);
    }
    return frames;
  }

  #frame(info: number): AllocationFrame {
    const infos = this.#functionInfos, at = info * this.#infoFields, f = this.#fields;
    const value = (field: number) => (field >= 0 && at + field < infos.length ? infos[at + field] : 0);
    const scriptId = value(f.scriptId);
    const named = this.#strings[value(f.scriptName)] ?? "";
    const line = value(f.line), column = value(f.column);
    return Object.freeze({
      functionName: this.#strings[value(f.name)] || "(anonymous)",
      scriptName: named || this.#scriptName(scriptId) || "",
      scriptId,
      line: line > 0 ? line : null,
      column: column > 0 ? column : null,
    });
  }
}

/** The tree's nodes in file order: parent position, function info, id. */
function readTree(tree: Float64Array, fields: readonly string[]) {
  const width = fields.length;
  const idField = fields.indexOf("id"), infoField = fields.indexOf("function_info_index"), childrenField = fields.indexOf("children");
  if (idField < 0 || infoField < 0 || childrenField < 0) {
    throw new GraphError("INVALID_SNAPSHOT", `trace_node_fields ${JSON.stringify(fields)} lack id, function_info_index or children`);
  }
  // Every node has width - 1 numbers, so this many nodes at most.
  const capacity = Math.floor(tree.length / Math.max(1, width - 1)) + 1;
  const parent = new Int32Array(capacity), functionInfo = new Uint32Array(capacity), ids = new Uint32Array(capacity);
  // The open records: node position and the field to read after its children.
  const stackNode: number[] = [], stackField: number[] = [];
  let count = 0, node = -1, field = 0, up = -1;
  const bad = (what: string, at: number) => new GraphError("INVALID_SNAPSHOT", `trace_tree: ${what} at token ${at}`);
  for (let t = 0; t < tree.length; t++) {
    const token = tree[t];
    if (token === TRACE_TREE_OPEN) {
      if (field !== childrenField || node < 0) throw bad("a nested list where a number belongs", t);
      stackNode.push(node);
      stackField.push(field + 1);
      up = node;
      node = -1;
      field = 0;
    } else if (token === TRACE_TREE_CLOSE) {
      if (field !== 0 || stackNode.length === 0) throw bad("a list ends inside a node", t);
      node = stackNode.pop()!;
      field = stackField.pop()!;
      up = stackNode.length > 0 ? stackNode[stackNode.length - 1] : -1;
      if (field === width) field = 0;
    } else {
      if (field === childrenField) throw bad("a number where the children list belongs", t);
      if (field === 0) {
        if (count === capacity) throw bad("more nodes than numbers", t);
        node = count++;
        parent[node] = up;
      }
      if (field === idField) ids[node] = token;
      else if (field === infoField) functionInfo[node] = token;
      if (++field === width) field = 0;
    }
  }
  if (field !== 0 || stackNode.length > 0) throw bad("the tree ends inside a node", tree.length);
  return { parent, functionInfo, ids, count };
}
