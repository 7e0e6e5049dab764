import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { TypeCodes } from "./graph-index-types.ts";
import type { HeapGraph } from "./heap-graph-types.ts";
import { arraySlots, formatLength, jsArrayLength } from "./array-length.ts";
import { DETACHED } from "./phases/detachedness.ts";

const MAX_PREVIEW = 60;
const MAX_FLATTEN = 1024;
const MAX_PROPERTIES = 4;

/**
 * A short human description of a node: a string's contents (quoted, cut at 60 characters), an
 * array's length as far as the snapshot proves it (`Array(3)`, `Array(≥4, ≤17)`, `Array(≤140)`:
 * see {@link jsArrayLength} for the rule; a backing store's slot count, `(object elements)[17]`,
 * see {@link arraySlots}), a function's name with its script and line (1-based, from
 * `locations`), a regexp's source, an object's class with its first property names. `graph` is the graph
 * indexing `snapshot` (for class names, locations and detachedness); `graph.describe(o)` calls this.
 *
 * @example
 * ```ts
 * describeNode(graph, snapshot, codes, o); // 'function tick() at file:///app/main.mjs:15:14'
 * describeNode(graph, snapshot, codes, s); // '"customer-9"'
 * describeNode(graph, snapshot, codes, a); // 'Array(3)'
 * ```
 */
export function describeNode(graph: HeapGraph, snapshot: HeapSnapshot, codes: TypeCodes, ordinal: number): string {
  const { nodeType, nodeName, strings, firstEdge, edgeType, edgeNameOrIndex } = snapshot;
  const t = nodeType[ordinal];
  const name = strings[nodeName[ordinal]] ?? "";
  if (t === codes.string || t === codes.slicedString) return quote(name);
  if (t === codes.consString) return quote(flattenConsString(snapshot, codes, ordinal));
  if (t === codes.closure) {
    const where = graph.location(ordinal);
    const head = `function ${name || "(anonymous)"}()`;
    if (!where) return head;
    const script = graph.scriptName(where.scriptId) ?? `script ${where.scriptId}`;
    return `${head} at ${script}:${where.line + 1}:${where.column + 1}`;
  }
  if (t === codes.regexp) return `/${name}/`;
  if (t === codes.native) return graph.detachedness()[ordinal] === DETACHED ? `Detached ${name}` : name;
  if (t === codes.array) {
    const slots = formatLength(arraySlots(snapshot, codes, ordinal));
    return `${name || "(array)"}${slots ? `[${slots}]` : ""}`;
  }
  if (t === codes.object) {
    const className = graph.className(ordinal);
    if (name === "Array") {
      const length = formatLength(jsArrayLength(snapshot, codes, ordinal));
      return length ? `Array(${length})` : "Array";
    }
    if (className.startsWith("{")) return className;
    const properties: string[] = [];
    let more = false;
    for (let e = firstEdge[ordinal], end = firstEdge[ordinal + 1]; e < end; e++) {
      if (edgeType[e] !== codes.edgeProperty) continue;
      const property = strings[edgeNameOrIndex[e]];
      if (property === "__proto__") continue;
      if (properties.length === MAX_PROPERTIES) {
        more = true;
        break;
      }
      properties.push(property);
    }
    if (properties.length === 0) return className;
    return `${className} {${properties.join(", ")}${more ? ", …" : ""}}`;
  }
  return name || graph.className(ordinal);
}

/** Quotes a string, cutting it at {@link MAX_PREVIEW} characters and saying how long it was. */
function quote(s: string): string {
  if (s.length <= MAX_PREVIEW) return JSON.stringify(s);
  return `${JSON.stringify(s.slice(0, MAX_PREVIEW))}… (${s.length} chars)`;
}

/** A concatenated string's text, from its `first` and `second` parts (up to about 1024 characters), as DevTools shows it. */
function flattenConsString(snapshot: HeapSnapshot, codes: TypeCodes, ordinal: number): string {
  const { nodeType, nodeName, strings, firstEdge, edgeType, edgeNameOrIndex, edgeTarget } = snapshot;
  const stack: number[] = [ordinal];
  let text = "";
  while (stack.length > 0 && text.length < MAX_FLATTEN) {
    const o = stack.pop()!;
    if (nodeType[o] !== codes.consString) {
      text += strings[nodeName[o]];
      continue;
    }
    let first = -1, second = -1;
    for (let e = firstEdge[o], end = firstEdge[o + 1]; e < end && (first < 0 || second < 0); e++) {
      if (edgeType[e] !== codes.edgeInternal) continue;
      const edgeName = strings[edgeNameOrIndex[e]];
      if (edgeName === "first") first = edgeTarget[e];
      else if (edgeName === "second") second = edgeTarget[e];
    }
    if (second >= 0) stack.push(second);
    if (first >= 0) stack.push(first);
  }
  return text;
}
