import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { TypeCodes } from "../graph-index-types.ts";

/**
 * Resolves the {@link TypeCodes} of a snapshot from its own type lists. The engine does it once
 * per graph (`graph.typeCodes()`).
 *
 * @example
 * ```ts
 * const { edgeWeak } = snapshotCodes(snapshot);
 * const weak = snapshot.edgeType[e] === edgeWeak;
 * ```
 */
export function snapshotCodes(snapshot: HeapSnapshot): TypeCodes {
  const n = (name: string) => snapshot.nodeTypeNames.indexOf(name);
  const e = (name: string) => snapshot.edgeTypeNames.indexOf(name);
  return {
    hidden: n("hidden"),
    array: n("array"),
    string: n("string"),
    object: n("object"),
    code: n("code"),
    closure: n("closure"),
    regexp: n("regexp"),
    number: n("number"),
    native: n("native"),
    synthetic: n("synthetic"),
    consString: n("concatenated string"),
    slicedString: n("sliced string"),
    edgeContext: e("context"),
    edgeElement: e("element"),
    edgeProperty: e("property"),
    edgeInternal: e("internal"),
    edgeHidden: e("hidden"),
    edgeShortcut: e("shortcut"),
    edgeWeak: e("weak"),
  };
}

/**
 * Whether an edge type's `name_or_index` is a number (element and hidden edges) rather than a string index.
 *
 * @example
 * ```ts
 * const name = hasNumericName(codes, snapshot.edgeType[e]) ? String(snapshot.edgeNameOrIndex[e]) : snapshot.strings[snapshot.edgeNameOrIndex[e]];
 * ```
 */
export function hasNumericName(codes: TypeCodes, edgeType: number): boolean {
  return edgeType === codes.edgeElement || edgeType === codes.edgeHidden;
}
