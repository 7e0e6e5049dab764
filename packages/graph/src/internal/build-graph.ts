import type { HeapSnapshot } from "@heapgraph/snapshot";
import { buildClassIndex } from "./class-names.ts";
import { calculateClassStats } from "./class-stats.ts";
import { DETACHED, propagateDetachedness } from "./detachedness.ts";
import { calculateDistances } from "./distances.ts";
import { buildDominatorTree } from "./dominator-tree.ts";
import { calculateDominators, type DominatorResult } from "./dominators.ts";
import { ephemeronPairTable, type EphemeronPairTable } from "./ephemeron-edges.ts";
import { essentialEdges, markPageObjects } from "./essential-edges.ts";
import { GraphError } from "./graph-error.ts";
import type {
  BuildGraphOptions,
  ClassIndex,
  ClassStats,
  DominatorTree,
  GraphProgress,
  HeapGraph,
  HeapNode,
  Retainers,
  ScriptLocation,
} from "./heap-graph-types.ts";
import { IdIndex } from "./id-index.ts";
import { LocationIndex } from "./location-index.ts";
import { NodeHandle } from "./node-handle.ts";
import { PhaseProgress } from "./progress.ts";
import { retainedSizes } from "./retained-sizes.ts";
import { buildRetainers } from "./retainers.ts";
import { scriptNames } from "./script-names.ts";
import { shallowSizes } from "./shallow-sizes.ts";
import { hasNumericName, snapshotCodes, type SnapshotCodes } from "./snapshot-codes.ts";

/**
 * Indexes a parsed snapshot for queries. Nothing heavy happens here: retainers, classes,
 * distances, dominators and retained sizes are computed the first time something needs them,
 * then cached, each reporting through `options.onProgress`. All of them follow Chrome DevTools'
 * rules, so the numbers equal the ones DevTools shows for the same file.
 *
 * @example
 * ```ts
 * import { readSnapshot } from "@heapgraph/snapshot";
 * import { buildGraph } from "@heapgraph/graph";
 *
 * const graph = buildGraph(await readSnapshot("app.heapsnapshot"), {
 *   onProgress: ({ phase, done, total }) => console.error(phase, Math.round((100 * done) / total), "%"),
 * });
 * const node = graph.nodeById(6177);
 * console.log(node?.className, node?.selfSize, node?.retainedSize, node?.distance, node?.describe());
 * ```
 */
export function buildGraph(snapshot: HeapSnapshot, options: BuildGraphOptions = {}): HeapGraph {
  if (typeof options !== "object" || options === null) {
    throw new GraphError("INVALID_OPTIONS", `buildGraph: options must be an object, got ${String(options)}`);
  }
  const { onProgress } = options;
  if (onProgress !== undefined && typeof onProgress !== "function") {
    throw new GraphError("INVALID_OPTIONS", `buildGraph: onProgress must be a function, got ${typeof onProgress}`);
  }
  checkSnapshot(snapshot);
  return new Graph(snapshot, onProgress);
}

function checkSnapshot(snapshot: HeapSnapshot): void {
  const { nodeCount, edgeCount, firstEdge, edgeTarget, rootOrdinal } = snapshot;
  const problem =
    !Number.isInteger(nodeCount) || nodeCount < 1 ? `node count ${nodeCount}` :
    firstEdge.length !== nodeCount + 1 ? `firstEdge has ${firstEdge.length} entries for ${nodeCount} nodes` :
    firstEdge[nodeCount] !== edgeCount ? `edge counts add up to ${firstEdge[nodeCount]}, not ${edgeCount}` :
    edgeTarget.length !== edgeCount ? `edgeTarget has ${edgeTarget.length} entries for ${edgeCount} edges` :
    !(rootOrdinal >= 0 && rootOrdinal < nodeCount) ? `root ordinal ${rootOrdinal} out of range` :
    null;
  if (problem) throw new GraphError("INVALID_SNAPSHOT", `buildGraph: cannot index this snapshot: ${problem}`);
  for (let e = 0; e < edgeCount; e++) {
    if (edgeTarget[e] >= nodeCount) {
      throw new GraphError("INVALID_SNAPSHOT", `buildGraph: edge ${e} points to node ordinal ${edgeTarget[e]} of ${nodeCount}`);
    }
  }
}

/** The engine behind {@link buildGraph}: columns in, lazily computed and cached indexes out. */
class Graph implements HeapGraph {
  readonly snapshot: HeapSnapshot;
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly rootOrdinal: number;
  readonly #onProgress: ((progress: GraphProgress) => void) | undefined;
  readonly #codes: SnapshotCodes;
  #ephemerons: EphemeronPairTable | undefined;
  #retainers: Retainers | undefined;
  #detachedness: Uint8Array | undefined;
  #classes: ClassIndex | undefined;
  #selfSizes: Float64Array | undefined;
  #distances: Int32Array | undefined;
  #dominatorResult: DominatorResult | undefined;
  #dominators: Uint32Array | undefined;
  #retainedSizes: Float64Array | undefined;
  #dominatorTree: DominatorTree | undefined;
  #classStats: ClassStats | undefined;
  #ids: IdIndex | undefined;
  #locations: LocationIndex | undefined;
  #scriptNames: Map<number, string> | undefined;

  constructor(snapshot: HeapSnapshot, onProgress: ((progress: GraphProgress) => void) | undefined) {
    this.snapshot = snapshot;
    this.nodeCount = snapshot.nodeCount;
    this.edgeCount = snapshot.edgeCount;
    this.rootOrdinal = snapshot.rootOrdinal;
    this.#onProgress = onProgress;
    this.#codes = snapshotCodes(snapshot);
  }

  node(ordinal: number): HeapNode {
    this.#checkOrdinal(ordinal);
    return new NodeHandle(this, ordinal);
  }

  nodeById(id: number): HeapNode | undefined {
    const ordinal = this.ordinalOfId(id);
    return ordinal < 0 ? undefined : new NodeHandle(this, ordinal);
  }

  ordinalOfId(id: number): number {
    if (!this.#ids) {
      const progress = new PhaseProgress(this.#onProgress, "ids", this.nodeCount);
      this.#ids = new IdIndex(this.snapshot.nodeId);
      progress.done();
    }
    return this.#ids.find(id);
  }

  edgeName(edgeIndex: number): string {
    this.#checkEdge(edgeIndex);
    const { edgeType, edgeNameOrIndex, strings } = this.snapshot;
    const value = edgeNameOrIndex[edgeIndex];
    return hasNumericName(this.#codes, edgeType[edgeIndex]) ? String(value) : (strings[value] ?? "");
  }

  edgeTypeName(edgeIndex: number): string {
    this.#checkEdge(edgeIndex);
    return this.snapshot.edgeTypeNames[this.snapshot.edgeType[edgeIndex]] ?? "unknown";
  }

  nodeTypeName(ordinal: number): string {
    this.#checkOrdinal(ordinal);
    return this.snapshot.nodeTypeNames[this.snapshot.nodeType[ordinal]] ?? "unknown";
  }

  nodeName(ordinal: number): string {
    this.#checkOrdinal(ordinal);
    return this.snapshot.strings[this.snapshot.nodeName[ordinal]] ?? "";
  }

  className(ordinal: number): string {
    this.#checkOrdinal(ordinal);
    const classes = this.classes();
    return classes.names[classes.classOf[ordinal]];
  }

  retainers(): Retainers {
    return (this.#retainers ??= buildRetainers(this.snapshot, this.#onProgress));
  }

  detachedness(): Uint8Array {
    return (this.#detachedness ??= propagateDetachedness(this.snapshot, this.#onProgress));
  }

  isDetached(ordinal: number): boolean {
    this.#checkOrdinal(ordinal);
    return this.detachedness()[ordinal] === DETACHED;
  }

  classes(): ClassIndex {
    return (this.#classes ??= buildClassIndex(this.snapshot, this.detachedness(), this.#onProgress));
  }

  selfSizes(): Float64Array {
    return (this.#selfSizes ??= shallowSizes(this.snapshot, this.detachedness(), this.#onProgress));
  }

  distances(): Int32Array {
    return (this.#distances ??= calculateDistances(this.snapshot, this.#ephemeronEdges(), this.#onProgress));
  }

  dominators(): Uint32Array {
    if (!this.#dominators) {
      // Built retainers serve as predecessors; otherwise a compact, temporary list of essential ones does.
      const retainers = this.#retainers;
      const essentialPerTarget = retainers ? undefined : new Uint32Array(this.nodeCount + 1);
      const essential = essentialEdges(this.snapshot, this.#ephemeronEdges(), markPageObjects(this.snapshot), essentialPerTarget);
      this.#dominatorResult = calculateDominators(this.snapshot, essential, retainers ?? { essentialPerTarget: essentialPerTarget! }, this.#onProgress);
      this.#dominators = this.#dominatorResult.dominators;
    }
    return this.#dominators;
  }

  retainedSizes(): Float64Array {
    if (!this.#retainedSizes) {
      this.dominators();
      const shallow = this.selfSizes();
      this.#retainedSizes = retainedSizes(this.#dominatorResult!, shallow, this.#onProgress);
      // The DFS order was only kept for this sum.
      this.#dominatorResult = undefined;
    }
    return this.#retainedSizes;
  }

  dominatorTree(): DominatorTree {
    return (this.#dominatorTree ??= buildDominatorTree(this.dominators(), this.rootOrdinal));
  }

  classStats(): ClassStats {
    if (!this.#classStats) {
      const classes = this.classes(), retained = this.retainedSizes(), distances = this.distances();
      const tree = this.dominatorTree();
      this.#classStats = calculateClassStats(classes, this.selfSizes(), retained, distances, tree, this.rootOrdinal, this.#onProgress);
    }
    return this.#classStats;
  }

  location(ordinal: number): ScriptLocation | null {
    this.#checkOrdinal(ordinal);
    return (this.#locations ??= new LocationIndex(this.snapshot)).location(ordinal);
  }

  scriptName(scriptId: number): string | undefined {
    return (this.#scriptNames ??= scriptNames(this.snapshot)).get(scriptId);
  }

  #ephemeronEdges(): EphemeronPairTable {
    return (this.#ephemerons ??= ephemeronPairTable(this.snapshot));
  }

  #checkOrdinal(ordinal: number): void {
    if (!(Number.isInteger(ordinal) && ordinal >= 0 && ordinal < this.nodeCount)) {
      throw new GraphError("ORDINAL_OUT_OF_RANGE", `node ordinal ${ordinal} is not in 0..${this.nodeCount - 1}`);
    }
  }

  #checkEdge(edgeIndex: number): void {
    if (!(Number.isInteger(edgeIndex) && edgeIndex >= 0 && edgeIndex < this.edgeCount)) {
      throw new GraphError("EDGE_OUT_OF_RANGE", `edge index ${edgeIndex} is not in 0..${this.edgeCount - 1}`);
    }
  }
}
