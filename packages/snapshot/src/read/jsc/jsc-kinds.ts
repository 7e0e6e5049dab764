/**
 * How JavaScriptCore's node classes and edge types map onto V8's node and edge types,
 * so that a Bun snapshot in JSC format reads into the same model as a V8 one.
 * The mapping is documented in the package README ("JavaScriptCore snapshots").
 *
 * @module
 */
import { V8_EDGE_TYPE_NAMES, V8_NODE_TYPE_NAMES } from "../../model/v8-format.ts";

/** JSC node flag: an internal cell (no global object behind its structure). */
export const JSC_FLAG_INTERNAL = 1;

const type = (name: (typeof V8_NODE_TYPE_NAMES)[number]) => V8_NODE_TYPE_NAMES.indexOf(name);
/**
 * The V8 edge type codes the mapping produces (indexes into {@link V8_EDGE_TYPE_NAMES}).
 *
 * @example
 * ```ts
 * edgeType[slot] = EDGE_SHORTCUT; // the root's edge to a global object
 * ```
 */
export const EDGE_CONTEXT = V8_EDGE_TYPE_NAMES.indexOf("context");
export const EDGE_ELEMENT = V8_EDGE_TYPE_NAMES.indexOf("element");
export const EDGE_PROPERTY = V8_EDGE_TYPE_NAMES.indexOf("property");
export const EDGE_INTERNAL = V8_EDGE_TYPE_NAMES.indexOf("internal");
export const EDGE_SHORTCUT = V8_EDGE_TYPE_NAMES.indexOf("shortcut");

/** Id of the "(GC roots)" node added to JSC snapshots (V8's id for it). */
export const GC_ROOTS_ID = 3;

/**
 * The V8-style id of a JSC node id: the root (0) becomes 1, every other id `k` becomes
 * `2k + 3`. Odd like V8's heap object ids, distinct from "(GC roots)" (3), and stable
 * across snapshots of one process as JSC's own ids are.
 *
 * @example
 * ```ts
 * v8IdOfJscId(0); // 1
 * v8IdOfJscId(5); // 13
 * ```
 */
export function v8IdOfJscId(jscId: number): number {
  return jscId === 0 ? 1 : 2 * jscId + 3;
}

const SHAPES = new Set(["Structure", "StructureChain", "StructureRareData", "PropertyTable"]);

/**
 * The V8 node type code for a JSC node of class `className` with `flags`.
 *
 * @example
 * ```ts
 * V8_NODE_TYPE_NAMES[jscNodeType("Function", 0, false)]; // "closure"
 * ```
 */
export function jscNodeType(className: string, flags: number, isRoot: boolean): number {
  if (isRoot) return type("synthetic");
  switch (className) {
    case "string":
      return type("string");
    case "symbol":
      return type("symbol");
    case "BigInt":
      return type("bigint");
  }
  if (flags & JSC_FLAG_INTERNAL) {
    if (SHAPES.has(className)) return type("object shape");
    if (className.includes("CodeBlock") || className.includes("Executable")) return type("code");
    return type("hidden");
  }
  if (className === "Array") return type("array");
  if (className === "RegExp") return type("regexp");
  if (className.endsWith("Function")) return type("closure");
  return type("object");
}

/**
 * The V8 edge type code for a JSC edge type name (`Internal`, `Property`, `Index`, `Variable`);
 * unknown names map to `internal`.
 *
 * @example
 * ```ts
 * V8_EDGE_TYPE_NAMES[jscEdgeType("Variable")]; // "context"
 * ```
 */
export function jscEdgeType(name: string): number {
  switch (name) {
    case "Property":
      return EDGE_PROPERTY;
    case "Index":
      return EDGE_ELEMENT;
    case "Variable":
      return EDGE_CONTEXT;
    default:
      return EDGE_INTERNAL;
  }
}

/**
 * True for the classes of global objects, which the root reaches by `shortcut` edges as in V8.
 *
 * @example
 * ```ts
 * isJscGlobalClass("GlobalObject"); // true
 * ```
 */
export function isJscGlobalClass(className: string): boolean {
  return className === "GlobalObject" || className === "JSGlobalProxy" || className.endsWith("GlobalObject");
}
