import type { HeapSnapshot } from "@heapgraph/snapshot";

/**
 * Numeric type codes of the node and edge types the engine's rules name, read from the
 * snapshot's own type lists (never hard-coded). A type the snapshot does not have is -1,
 * which no node or edge carries.
 *
 * @example
 * ```ts
 * const codes = snapshotCodes(snapshot);
 * const weak = snapshot.edgeType[e] === codes.edgeWeak;
 * ```
 */
export interface SnapshotCodes {
  readonly hidden: number;
  readonly array: number;
  readonly string: number;
  readonly object: number;
  readonly code: number;
  readonly closure: number;
  readonly regexp: number;
  readonly number: number;
  readonly native: number;
  readonly synthetic: number;
  readonly consString: number;
  readonly slicedString: number;
  readonly edgeContext: number;
  readonly edgeElement: number;
  readonly edgeProperty: number;
  readonly edgeInternal: number;
  readonly edgeHidden: number;
  readonly edgeShortcut: number;
  readonly edgeWeak: number;
}

/**
 * Resolves the {@link SnapshotCodes} of a snapshot.
 *
 * @example
 * ```ts
 * const { edgeWeak } = snapshotCodes(snapshot);
 * const weak = snapshot.edgeType[e] === edgeWeak;
 * ```
 */
export function snapshotCodes(snapshot: HeapSnapshot): SnapshotCodes {
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
export function hasNumericName(codes: SnapshotCodes, edgeType: number): boolean {
  return edgeType === codes.edgeElement || edgeType === codes.edgeHidden;
}
