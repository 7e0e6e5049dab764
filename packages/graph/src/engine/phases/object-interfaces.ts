import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { TypeCodes } from "../graph-index-types.ts";
import { PairKeyMap } from "./pair-key-map.ts";

// DevTools' limits for inferred interfaces (HeapSnapshot.ts).
const MIN_INTERFACE_PROPERTY_COUNT = 1;
const MAX_INTERFACE_NAME_LENGTH = 120;
const MIN_OBJECT_COUNT_PER_INTERFACE = 2;
const MIN_OBJECT_PROPORTION_PER_INTERFACE = 1000;
const PROTO = "__proto__";

/** One node of the property tree that matches objects against interfaces. Few exist: one per interface property. */
interface TreeNode {
  readonly next: Map<number, TreeNode>;
  /** Largest label among `next`, or -1. */
  greatestNext: number;
  /** The interface ending here (lowest index wins), or -1. */
  definition: number;
  definitionSize: number;
}

/**
 * A property name as DevTools writes it in an interface name: as is, or JSON-quoted when it holds
 * a comma, a quote or a brace.
 *
 * @example
 * ```ts
 * formatPropertyName("a, b"); // '"a, b"'
 * ```
 */
export function formatPropertyName(name: string): string {
  if (/[,'"{}]/.test(name)) {
    const json = JSON.stringify({ [name]: 0 });
    return json.substring(1, json.length - 3);
  }
  return name;
}

/**
 * Names plain JavaScript objects (`object` nodes named `Object`) by their shape, as DevTools does
 * since Chrome 120 (`inferInterfaceDefinitions` + `applyInterfaceDefinitions`): property lists
 * common to at least 2 objects and to 1 in 1000 plain objects become interfaces named like
 * `{id, name, orders}`; each plain object takes the interface with the most properties that it
 * has all of (the more common one on ties), else stays `Object`.
 *
 * Works on string indices canonicalised by content, with a trie for candidate counting and
 * numeric ranks for sorting, so no string is built per object.
 *
 * @example
 * ```ts
 * const names = applyObjectInterfaces(snapshot, codes, (o, i, name) => (classOf[o] = classNamed(name)));
 * console.log(names); // ["{id, name}", "{x, y}", ...]
 * ```
 *
 * @returns the interface names; `assign(ordinal, interfaceIndex, name)` was called for every object that matched one.
 */
export function applyObjectInterfaces(
  snapshot: HeapSnapshot,
  codes: TypeCodes,
  assign: (ordinal: number, definition: number, name: string) => void,
): string[] {
  const { nodeCount, nodeType, nodeName, strings, firstEdge, edgeType, edgeNameOrIndex } = snapshot;
  const objectType = codes.object, propertyEdge = codes.edgeProperty;
  // Per name string index: 0 not looked at, 1 "Object", 2 anything else (one string comparison per name, not per node).
  const plainName = new Uint8Array(strings.length);
  const isPlain = (o: number): boolean => {
    if (nodeType[o] !== objectType) return false;
    const name = nodeName[o];
    let known = plainName[name];
    if (known === 0) known = plainName[name] = strings[name] === "Object" ? 1 : 2;
    return known === 1;
  };

  // Property names by content: canonical id per string index (-1 until seen).
  const canonOf = new Int32Array(strings.length).fill(-1);
  const canonIds = new Map<string, number>();
  const canonNames: string[] = [];
  /** Canonical id of `__proto__` once seen, so that edges compare numbers, not strings. */
  let protoCanon = -1;
  const canon = (nameIndex: number): number => {
    let c = canonOf[nameIndex];
    if (c >= 0) return c;
    const name = strings[nameIndex];
    c = canonIds.get(name) ?? -1;
    if (c < 0) {
      c = canonNames.length;
      canonIds.set(name, c);
      canonNames.push(name);
      if (name === PROTO) protoCanon = c;
    }
    canonOf[nameIndex] = c;
    return c;
  };
  const formattedLength: number[] = [];
  const lengthOf = (c: number) => (formattedLength[c] ??= formatPropertyName(canonNames[c]).length);

  // 1. Count candidate interfaces: each plain object's leading properties (without __proto__),
  //    cut when the name would grow past the limit. A trie node stands for one property list.
  const trieParent: number[] = [-1], trieLabel: number[] = [-1], trieCount: number[] = [0];
  const trieNext = new PairKeyMap();
  const candidates: number[] = [];
  let plainCount = 0;
  // The plain objects' ordinals, kept for the matching pass (step 5).
  let plain = new Uint32Array(1024);
  for (let o = 0; o < nodeCount; o++) {
    if (!isPlain(o)) continue;
    if (plainCount === plain.length) {
      const grown = new Uint32Array(2 * plainCount);
      grown.set(plain);
      plain = grown;
    }
    plain[plainCount++] = o;
    let node = 0, length = 1, properties = 0;
    for (let e = firstEdge[o], end = firstEdge[o + 1]; e < end; e++) {
      if (edgeType[e] !== propertyEdge) continue;
      const c = canon(edgeNameOrIndex[e]);
      if (c === protoCanon) continue;
      const formatted = lengthOf(c);
      if (length > MIN_INTERFACE_PROPERTY_COUNT && length + formatted > MAX_INTERFACE_NAME_LENGTH) break;
      if (length !== 1) length += 2;
      length += formatted;
      let child = trieNext.get(node, c);
      if (child === 0) {
        child = trieParent.length;
        trieParent.push(node);
        trieLabel.push(c);
        trieCount.push(0);
        trieNext.set(node, c, child);
      }
      node = child;
      properties++;
    }
    if (properties === 0) continue;
    if (trieCount[node]++ === 0) candidates.push(node);
  }
  if (candidates.length === 0) return [];

  // 2. The popular ones, most common first (stable: first seen first on ties).
  candidates.sort((a, b) => trieCount[b] - trieCount[a]);
  const minCount = Math.max(MIN_OBJECT_COUNT_PER_INTERFACE, plainCount / MIN_OBJECT_PROPORTION_PER_INTERFACE);
  const definitions: number[][] = [];
  const names: string[] = [];
  for (const node of candidates) {
    if (trieCount[node] < minCount) break;
    const properties: number[] = [];
    for (let n = node; n > 0; n = trieParent[n]) properties.push(trieLabel[n]);
    properties.reverse();
    definitions.push(properties);
    names.push(`{${properties.map((c) => formatPropertyName(canonNames[c])).join(", ")}}`);
  }
  if (definitions.length === 0) return [];

  // 3. Ranks: interface properties get even ranks (2, 4, ...) in string order; any other name gets
  //    the odd rank of the gap it falls in, which is all the matching needs to compare it with them.
  const labels = [...new Set(definitions.flat())].sort((a, b) => compareStrings(canonNames[a], canonNames[b]));
  const labelNames = labels.map((c) => canonNames[c]);
  const rankOf: number[] = [];
  labels.forEach((c, i) => (rankOf[c] = 2 * i + 2));
  const rank = (c: number): number => (rankOf[c] ??= 2 * lowerBound(labelNames, canonNames[c]) + 1);

  // 4. The property tree of the interfaces, by sorted property lists.
  const newNode = (): TreeNode => ({ next: new Map(), greatestNext: -1, definition: -1, definitionSize: 0 });
  const tree = newNode();
  definitions.forEach((properties, index) => {
    const sorted = properties.map(rank).sort((a, b) => a - b);
    let current = tree;
    for (const p of sorted) {
      let next = current.next.get(p);
      if (!next) {
        next = newNode();
        current.next.set(p, next);
        if (current.greatestNext < p) current.greatestNext = p;
      }
      current = next;
    }
    if (current.definition < 0) {
      current.definition = index;
      current.definitionSize = sorted.length;
    }
  });

  // 5. Match every plain object: walk the tree with all its properties (sorted), keeping every
  //    state still able to move, and take the best interface met. Objects of one shape list the
  //    same properties in the same order; a second trie over those lists remembers each answer.
  let scratch = new Uint32Array(64);
  const states: TreeNode[] = [];
  const round: TreeNode[] = [];
  const memoNext = new PairKeyMap();
  const memo: number[] = [-2];
  const match = (count: number): number => {
    const props = scratch.subarray(0, count).sort();
    states.length = 0;
    states.push(tree);
    let best = -1, bestSize = 0;
    for (let i = 0; i < count; i++) {
      const p = props[i];
      round.length = 0;
      for (const s of states) round.push(s);
      for (const s of round) {
        if (s.greatestNext < 0 || p >= s.greatestNext) states.splice(states.indexOf(s), 1);
        const next = (p & 1) === 0 ? s.next.get(p) : undefined;
        if (!next) continue;
        if (!states.includes(next)) states.push(next);
        const d = next.definition;
        if (d >= 0 && (best < 0 || next.definitionSize > bestSize || (next.definitionSize === bestSize && d < best))) {
          best = d;
          bestSize = next.definitionSize;
        }
      }
    }
    return best;
  };
  for (let i = 0; i < plainCount; i++) {
    const o = plain[i];
    let count = 0, shape = 0;
    for (let e = firstEdge[o], end = firstEdge[o + 1]; e < end; e++) {
      if (edgeType[e] !== propertyEdge) continue;
      const c = canon(edgeNameOrIndex[e]);
      let next = memoNext.get(shape, c);
      if (next === 0) {
        next = memo.length;
        memo.push(-2);
        memoNext.set(shape, c, next);
      }
      shape = next;
      if (count === scratch.length) {
        const grown = new Uint32Array(count * 2);
        grown.set(scratch);
        scratch = grown;
      }
      scratch[count++] = c;
    }
    if (count === 0) continue;
    let best = memo[shape];
    if (best === -2) {
      for (let i = 0; i < count; i++) scratch[i] = rank(scratch[i]);
      best = memo[shape] = match(count);
    }
    if (best >= 0) assign(o, best, names[best]);
  }
  return names;
}

/** Default `Array.prototype.sort` order: UTF-16 code units. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** First position in sorted `names` whose name is >= `name`. */
function lowerBound(names: readonly string[], name: string): number {
  let lo = 0, hi = names.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (names[mid] < name) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
