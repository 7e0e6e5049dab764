import type { HeapGraph } from "../../engine/index.ts";

/**
 * What {@link idComparability} found: whether the heap object ids of some snapshots name the same
 * objects in all of them, and if not, which snapshots are foreign and the evidence.
 *
 * @example
 * ```ts
 * const verdict: IdComparability = idComparability([before, after]);
 * if (!verdict.comparable) console.log(verdict.foreign, verdict.example);
 * ```
 */
export type IdComparability =
  | { readonly comparable: true }
  | {
      readonly comparable: false;
      /** Indexes (into the graphs given) of the snapshots whose ids do not match the others'. */
      readonly foreign: readonly number[];
      /** The snapshot the first foreign one was checked against. */
      readonly home: number;
      /** Objects found under an id both snapshots have (V8 heap objects; embedder nodes number themselves). */
      readonly shared: number;
      /** How many of them are different objects (another type, or another name or string). */
      readonly different: number;
      /** One such id: what it names in the home snapshot and in the foreign one. */
      readonly example: { readonly id: number; readonly home: string; readonly foreign: string };
    };

/** Fewer differing objects than this is no evidence (an address reused by another object may inherit a dead object's id). */
const MIN_DIFFERENT = 10;
/**
 * Foreign when more than this fraction of the shared ids name different objects. Measured on real
 * pairs: 0 of 37,000–61,000 within one connection or in-process (Node 20, Node 24, Deno), 2.7%
 * across two connections to a process that changed little between them, 55–75% across processes or
 * connections with requests between.
 */
const MAX_DIFFERENT_FRACTION = 0.005;
/** Node types whose ids do not come from V8's per-connection id map (embedder nodes number themselves), so they prove nothing. */
const UNTRACKED_TYPES = new Set(["native", "synthetic"]);
/** Node types whose name cannot change during an object's life, so a different name means another object. */
const NAMED_TYPES = new Set(["object", "closure", "regexp", "string", "symbol", "bigint", "number"]);
/** String representations V8 converts in place (flattening, internalization): one family. */
const STRING_TYPES = new Set(["string", "concatenated string", "sliced string"]);

type PairVerdict = { readonly shared: number; readonly different: number; readonly example: { id: number; a: string; b: string } | null };
const verdicts = new WeakMap<HeapGraph, WeakMap<HeapGraph, PairVerdict>>();

/**
 * Whether heap object ids name the same objects across `graphs`: snapshots of one process taken
 * over one inspector connection (or in-process, `node:v8`), in any order. V8 numbers heap objects
 * per inspector connection and forgets the numbers when the client disconnects, so the next
 * connection — or another process — gives the same objects new ids, and an old id names another
 * object. The global object and the builtins keep their ids even then (a new connection numbers
 * the heap afresh in the same order, so everything before the first change in heap order gets
 * the same id again), so they are no evidence. Instead every object found under the same id in
 * both snapshots is checked: when more than 0.5% (and at least 10) are another object (another
 * type, another class or function name, another string), the snapshots are foreign to each other.
 * Costs one merge of the two sorted id lists (the id index id-based queries build anyway) and a
 * type and name look-up per shared object; verdicts are cached per pair. Says nothing about
 * Bun's renumbered snapshots: see `graph.idsAreStable()`.
 *
 * When snapshots fall into groups, the largest group is home (the one with the first snapshot on a
 * tie) and the others are `foreign`.
 *
 * @example
 * ```ts
 * const verdict = idComparability([baseline, target, final]);
 * if (!verdict.comparable) console.log(`snapshot ${verdict.foreign[0] + 1} came over another connection`);
 * ```
 */
export function idComparability(graphs: readonly HeapGraph[]): IdComparability {
  const groups: number[][] = [];
  for (let i = 0; i < graphs.length; i++) {
    const group = groups.find((g) => sameIds(graphs[g[0]], graphs[i]).example === null);
    if (group) group.push(i);
    else groups.push([i]);
  }
  if (groups.length <= 1) return { comparable: true };
  const home = groups.reduce((best, g) => (g.length > best.length ? g : best), groups[0]);
  const foreign = groups.filter((g) => g !== home).flat().sort((a, b) => a - b);
  const verdict = sameIds(graphs[home[0]], graphs[foreign[0]]);
  const example = verdict.example!;
  return { comparable: false, foreign, home: home[0], shared: verdict.shared, different: verdict.different, example: { id: example.id, home: example.a, foreign: example.b } };
}

/**
 * The message of an `IDS_NOT_STABLE` refusal for snapshots {@link idComparability} found foreign:
 * which snapshot, the evidence, why, and how to capture comparable ones. `labels` name the
 * snapshots (file names in the CLI; `snapshot 1 of 3`... by default); `override` is how the caller
 * turns the check off.
 *
 * @example
 * ```ts
 * const verdict = idComparability([a, b]);
 * if (!verdict.comparable) throw new Error(foreignIdsMessage("compare", verdict, ["a.heapsnapshot", "b.heapsnapshot"], "--stable-ids"));
 * ```
 */
export function foreignIdsMessage(
  query: string,
  verdict: Extract<IdComparability, { comparable: false }>,
  labels: readonly string[],
  override = "{ stableIds: true }",
): string {
  const home = labels[verdict.home];
  const foreign = verdict.foreign.map((i) => labels[i]);
  const them = foreign.length === 1 ? foreign[0] : `${foreign.slice(0, -1).join(", ")} and ${foreign.at(-1)}`;
  const { id, home: there, foreign: here } = verdict.example;
  return (
    `${query}: heap ids of ${them} do not name the same objects as in ${home}: of ${verdict.shared} objects under ids both have, ` +
    `${verdict.different} are different objects (@${id} is ${there} in ${home} but ${here} in ${foreign[0]}). ` +
    `The snapshots were taken over different inspector connections or from different processes: V8 numbers heap objects afresh for each ` +
    `inspector connection, so ids compare only within one, and ${query} would give wrong answers. Capture comparable snapshots over one ` +
    `connection: heapgraph capture --port N --count 3 -o DIR, openCaptureSession() of @heapgraph/snapshot, or heapgraph demo ` +
    `(class counts still compare: heapgraph growth). Pass ${override} if you know the ids are comparable.`
  );
}

/** The verdict for one pair, cached both ways round. */
function sameIds(a: HeapGraph, b: HeapGraph): PairVerdict {
  if (a === b) return { shared: 0, different: 0, example: null };
  const cached = verdicts.get(a)?.get(b) ?? verdicts.get(b)?.get(a);
  if (cached) return cached;
  const verdict = compareSample(a, b);
  let forA = verdicts.get(a);
  if (!forA) verdicts.set(a, (forA = new WeakMap()));
  forA.set(b, verdict);
  return verdict;
}

function compareSample(a: HeapGraph, b: HeapGraph): PairVerdict {
  const inA = b.idMatches(a);
  const kindA = typeKinds(a), kindB = typeKinds(b);
  const colA = a.nodeColumns(), colB = b.nodeColumns();
  let shared = 0, different = 0;
  let example: PairVerdict["example"] = null;
  for (let p = 0; p < b.nodeCount; p++) {
    const o = inA[p];
    if (o < 0) continue;
    const kind = kindA(colA.type[o]);
    if (kind === UNTRACKED) continue;
    shared++;
    const other = kindB(colB.type[p]);
    // Strings change representation in place; other types never; named types keep their name.
    const same =
      kind === STRING ? other === STRING && colA.strings[colA.name[o]] === colB.strings[colB.name[p]]
      : colA.type[o] === colB.type[p] || a.nodeTypeName(o) === b.nodeTypeName(p)
        ? kind !== NAMED || colA.strings[colA.name[o]] === colB.strings[colB.name[p]]
        : false;
    if (same) continue;
    different++;
    example ??= { id: colB.id[p], a: what(a, o), b: what(b, p) };
  }
  const foreign = different >= MIN_DIFFERENT && different > shared * MAX_DIFFERENT_FRACTION;
  return { shared, different, example: foreign ? example : null };
}

const UNTRACKED = 0, STRING = 1, NAMED = 2, OTHER = 3;

/** What each node type code of `graph` is for this check, looked up once per code. */
function typeKinds(graph: HeapGraph): (code: number) => number {
  const kinds = new Int8Array(256).fill(-1);
  const { type } = graph.nodeColumns();
  for (let o = 0; o < graph.nodeCount; o++) {
    const code = type[o];
    if (kinds[code] >= 0) continue;
    const name = graph.nodeTypeName(o);
    kinds[code] = UNTRACKED_TYPES.has(name) ? UNTRACKED : STRING_TYPES.has(name) ? STRING : NAMED_TYPES.has(name) ? NAMED : OTHER;
  }
  return (code) => kinds[code];
}

function what(graph: HeapGraph, o: number): string {
  const type = graph.nodeTypeName(o);
  const name = JSON.stringify(graph.nodeName(o).slice(0, 60));
  return `${/^[aeiou]/.test(type) ? "an" : "a"} ${type} ${name}`;
}
