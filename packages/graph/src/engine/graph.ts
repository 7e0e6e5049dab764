import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { GraphProgress } from "./build-options.ts";
import type { ComputedIndexes } from "./cache/computed-indexes.ts";
import { describeNode } from "./describe-node.ts";
import { GraphError } from "./graph-error.ts";
import type {
  AllocationFrame,
  ClassIndex,
  ClassCounts,
  ClassStats,
  DominatorTree,
  NodeColumns,
  RetainingEdges,
  Retainers,
  RetentionTree,
  ScriptLocation,
  TypeCodes,
} from "./graph-index-types.ts";
import type { EdgeVisitor, HeapGraph, HeapNode, NeighbourWalker, WalkOptions } from "./heap-graph-types.ts";
import { AllocationTraceIndex } from "./indexes/allocation-traces.ts";
import { containerMask } from "./indexes/container-mask.ts";
import { globalMask } from "./indexes/global-mask.ts";
import { IdIndex } from "./indexes/id-index.ts";
import { stableIds } from "./indexes/id-stability.ts";
import { LocationIndex } from "./indexes/location-index.ts";
import { moduleMask } from "./indexes/module-mask.ts";
import { neighbourWalker } from "./indexes/neighbour-walker.ts";
import { noiseMask } from "./indexes/noise-mask.ts";
import { plumbingMask } from "./indexes/plumbing.ts";
import { qualifiedClassNames } from "./indexes/qualified-class-names.ts";
import { retainingEdges } from "./indexes/retaining-edges.ts";
import { retentionTree } from "./indexes/retention-tree.ts";
import { scriptNames } from "./indexes/script-names.ts";
import { hasNumericName, snapshotCodes } from "./indexes/snapshot-codes.ts";
import { topObjects } from "./indexes/top-objects.ts";
import { userRootMask } from "./indexes/user-roots.ts";
import { NodeHandle } from "./node-handle.ts";
import { buildClassIndex } from "./phases/class-names.ts";
import { countClasses } from "./phases/class-counts.ts";
import { calculateClassStats } from "./phases/class-stats.ts";
import { classDistances } from "./phases/class-distances.ts";
import { DETACHED, propagateDetachedness } from "./phases/detachedness.ts";
import { calculateDistances } from "./phases/distances.ts";
import { buildDominatorTree } from "./phases/dominator-tree.ts";
import { calculateDominators, type DominatorResult } from "./phases/dominators.ts";
import { ephemeronPairTable, type EphemeronPairTable } from "./phases/ephemeron-edges.ts";
import { essentialEdges, markPageObjects } from "./phases/essential-edges.ts";
import { retainedSizes } from "./phases/retained-sizes.ts";
import { buildRetainers } from "./phases/retainers.ts";
import { shallowSizes } from "./phases/shallow-sizes.ts";
import { PhaseProgress } from "./progress.ts";
import { DominatorJob } from "./parallel/dominator-job.ts";
import type { PhaseWorkers } from "./parallel/phase-workers.ts";

/**
 * The engine behind `buildGraph`: the snapshot's columns in, lazily computed and cached indexes
 * out. The only place that reads the parser's columns for the queries; everything else reaches
 * nodes and edges through the {@link HeapGraph} members.
 *
 * @example
 * ```ts
 * const graph: HeapGraph = new Graph(snapshot, undefined);
 * graph.retainedSizes();
 * ```
 */
export class Graph implements HeapGraph {
  readonly snapshot: HeapSnapshot;
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly rootOrdinal: number;
  readonly #onProgress: ((progress: GraphProgress) => void) | undefined;
  readonly #codes: TypeCodes;
  #columns: NodeColumns | undefined;
  /** The indexes of the image this graph was built from (engine/cache/), each taken on first use; undefined for a graph built from a snapshot. */
  readonly #image: ComputedIndexes | undefined;
  /** String index of `__proto__` (-2 until looked up, -1 when the snapshot has none). */
  #protoName = -2;
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
  #classCounts: ClassCounts | undefined;
  #classStats: ClassStats | undefined;
  #classDistances: Int32Array | undefined;
  #ids: IdIndex | undefined;
  #locations: LocationIndex | undefined;
  #scriptNames: Map<number, string> | undefined;
  #qualifiedClassNames: readonly string[] | undefined;
  #idsAreStable: boolean | undefined;
  #plumbing: Uint8Array | undefined;
  #userRoots: Uint8Array | undefined;
  #globals: Uint8Array | undefined;
  #modules: Uint8Array | undefined;
  #containers: Uint8Array | undefined;
  #noise: Uint8Array | undefined;
  #topObjects: readonly number[] | undefined;
  #retainingEdges: RetainingEdges | undefined;
  #retentionTree: RetentionTree | undefined;
  /** The allocation-trace index; null when the snapshot has none, undefined until asked. */
  #allocationTraces: AllocationTraceIndex | null | undefined;
  /** Where phases may run besides this thread (engine/parallel/), and the dominator job posted there. */
  #parallel: PhaseWorkers | undefined;
  #dominatorJob: DominatorJob | null | undefined;

  constructor(snapshot: HeapSnapshot, onProgress: ((progress: GraphProgress) => void) | undefined, computed?: ComputedIndexes, parallel?: PhaseWorkers) {
    this.snapshot = snapshot;
    this.nodeCount = snapshot.nodeCount;
    this.edgeCount = snapshot.edgeCount;
    this.rootOrdinal = snapshot.rootOrdinal;
    this.#onProgress = onProgress;
    this.#codes = snapshotCodes(snapshot);
    this.#image = computed;
    this.#parallel = parallel;
  }

  /** The indexes computed so far or held by this graph's image, for an image (engine/cache/): `dominators` only with `retainedSizes`. */
  computedIndexes(): ComputedIndexes {
    const own = this.#ownIndexes();
    if (this.#image) for (const name of Object.keys(this.#image) as (keyof ComputedIndexes)[]) (own as Record<string, unknown>)[name] ??= this.#image[name];
    return own;
  }

  /** The names of {@link computedIndexes}' indexes, without taking anything from the image. */
  computedIndexNames(): string[] {
    const names = new Set(Object.keys(this.#image ?? {}));
    for (const [name, value] of Object.entries(this.#ownIndexes())) if (value !== undefined) names.add(name);
    return [...names];
  }

  #ownIndexes(): ComputedIndexes {
    return {
      retainers: this.#retainers, detachedness: this.#detachedness, classes: this.#classes, selfSizes: this.#selfSizes,
      distances: this.#distances, dominators: this.#retainedSizes && this.#dominators, retainedSizes: this.#retainedSizes,
      dominatorTree: this.#dominatorTree, classCounts: this.#classCounts, classStats: this.#classStats, classDistances: this.#classDistances,
      qualifiedClassNames: this.#qualifiedClassNames, idsAreStable: this.#idsAreStable, plumbing: this.#plumbing,
      userRoots: this.#userRoots, globals: this.#globals, modules: this.#modules, containers: this.#containers,
      noise: this.#noise, topObjects: this.#topObjects, retentionTree: this.#retentionTree,
    };
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
    return this.#idIndex().find(id);
  }

  idMatches(other: HeapGraph): Int32Array {
    if (other instanceof Graph) return this.#idIndex().matches(other.#idIndex());
    const { nodeId } = this.snapshot;
    const out = new Int32Array(this.nodeCount);
    for (let o = 0; o < out.length; o++) out[o] = other.ordinalOfId(nodeId[o]);
    return out;
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

  edgeTarget(edgeIndex: number): number {
    this.#checkEdge(edgeIndex);
    return this.snapshot.edgeTarget[edgeIndex];
  }

  edgeHolder(edgeIndex: number): number {
    this.#checkEdge(edgeIndex);
    // The last node whose edges start at or before the edge (bisection over the edge starts).
    const { firstEdge } = this.snapshot;
    let lo = 0, hi = this.nodeCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (firstEdge[mid] <= edgeIndex) lo = mid;
      else hi = mid - 1;
    }
    return lo;
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

  describe(ordinal: number): string {
    this.#checkOrdinal(ordinal);
    return describeNode(this, this.snapshot, this.#codes, ordinal);
  }

  location(ordinal: number): ScriptLocation | null {
    this.#checkOrdinal(ordinal);
    return (this.#locations ??= new LocationIndex(this.snapshot)).location(ordinal);
  }

  allocationStack(ordinal: number): readonly AllocationFrame[] | null {
    this.#checkOrdinal(ordinal);
    const traceIds = this.snapshot.nodeTraceId;
    const traces = this.#traceIndex();
    return traces && traceIds ? traces.stack(traceIds[ordinal]) : null;
  }

  hasAllocationTraces(): boolean {
    return this.#traceIndex() !== null;
  }

  #traceIndex(): AllocationTraceIndex | null {
    if (this.#allocationTraces === undefined) this.#allocationTraces = AllocationTraceIndex.of(this.snapshot, (id) => this.scriptName(id));
    return this.#allocationTraces;
  }

  scriptName(scriptId: number): string | undefined {
    return (this.#scriptNames ??= scriptNames(this.snapshot, this.#codes)).get(scriptId);
  }

  nodeColumns(): NodeColumns {
    const { snapshot } = this;
    return (this.#columns ??= { id: snapshot.nodeId, type: snapshot.nodeType, name: snapshot.nodeName, strings: snapshot.strings });
  }

  typeCodes(): TypeCodes {
    return this.#codes;
  }

  forEachEdge(ordinal: number, visit: EdgeVisitor): void {
    this.#checkOrdinal(ordinal);
    const { firstEdge, edgeTarget } = this.snapshot;
    for (let e = firstEdge[ordinal], end = firstEdge[ordinal + 1]; e < end; e++) visit(edgeTarget[e], e);
  }

  forEachRetainer(ordinal: number, visit: EdgeVisitor): void {
    this.#checkOrdinal(ordinal);
    const { firstRetainer, retainerEdge, retainerNode } = this.retainers();
    for (let r = firstRetainer[ordinal], end = firstRetainer[ordinal + 1]; r < end; r++) visit(retainerNode[r], retainerEdge[r]);
  }

  walker(options: WalkOptions = {}): NeighbourWalker {
    const { backwards = false, internals = false, weak = false } = options;
    const retainers = backwards ? this.retainers() : null;
    return neighbourWalker(this.snapshot, this.#codes, retainers, this.retainingEdges(), this.plumbingMask(), this.#protoIndex(), { backwards, internals, weak });
  }

  retainers(): Retainers {
    if (!this.#retainers) this.#startDominators();
    return (this.#retainers ??= this.#image?.retainers ?? buildRetainers(this.snapshot, this.#onProgress));
  }

  detachedness(): Uint8Array {
    return (this.#detachedness ??= this.#image?.detachedness ?? propagateDetachedness(this.snapshot, this.#codes, this.#onProgress));
  }

  isDetached(ordinal: number): boolean {
    this.#checkOrdinal(ordinal);
    return this.detachedness()[ordinal] === DETACHED;
  }

  classes(): ClassIndex {
    return (this.#classes ??= this.#image?.classes ?? buildClassIndex(this.snapshot, this.#codes, this.detachedness(), this.#onProgress));
  }

  selfSizes(): Float64Array {
    return (this.#selfSizes ??= this.#image?.selfSizes ?? shallowSizes(this.snapshot, this.#codes, this.detachedness(), this.#onProgress));
  }

  distances(): Int32Array {
    if (!this.#distances) this.#startDominators();
    return (this.#distances ??= this.#image?.distances ?? calculateDistances(this.snapshot, this.#codes, this.#ephemeronPairs(), this.#onProgress));
  }

  dominators(): Uint32Array {
    this.#dominators ??= this.#image?.dominators;
    if (!this.#dominators && this.#dominatorJob) {
      this.#dominatorResult = this.#dominatorJob.result(this.#onProgress) ?? undefined;
      this.#dominators = this.#dominatorResult?.dominators;
      this.#dominatorJob = null;
    }
    if (!this.#dominators) {
      // The essential predecessors are listed compactly, for this computation only.
      const essentialPerTarget = new Uint32Array(this.nodeCount + 1);
      const page = markPageObjects(this.snapshot, this.#codes);
      const essential = essentialEdges(this.snapshot, this.#codes, this.#ephemeronPairs(), page, essentialPerTarget);
      this.#dominatorResult = calculateDominators(this.snapshot, essential, { essentialPerTarget }, this.#onProgress);
      this.#dominators = this.#dominatorResult.dominators;
    }
    return this.#dominators;
  }

  retainedSizes(): Float64Array {
    this.#retainedSizes ??= this.#image?.retainedSizes;
    if (!this.#retainedSizes) {
      this.#startDominators();
      // With a worker on the dominators, the shallow sizes are computed meanwhile; else in the usual order.
      if (this.#dominatorJob) this.selfSizes();
      this.dominators();
      const shallow = this.selfSizes();
      this.#retainedSizes = retainedSizes(this.#dominatorResult!, shallow, this.#onProgress);
      // The DFS order was only kept for this sum.
      this.#dominatorResult = undefined;
    }
    return this.#retainedSizes;
  }

  dominatorTree(): DominatorTree {
    return (this.#dominatorTree ??= this.#image?.dominatorTree ?? buildDominatorTree(this.dominators(), this.rootOrdinal));
  }

  classCounts(): ClassCounts {
    return (this.#classCounts ??= this.#image?.classCounts ?? countClasses(this.classes(), this.selfSizes()));
  }

  classStats(): ClassStats {
    this.#classStats ??= this.#image?.classStats;
    if (!this.#classStats) {
      this.#startDominators();
      const classes = this.classes(), counts = this.classCounts();
      const retained = this.retainedSizes();
      const tree = this.dominatorTree();
      this.#classStats = calculateClassStats(classes, counts, this.selfSizes(), retained, tree, this.rootOrdinal, this.#onProgress);
    }
    return this.#classStats;
  }

  classDistances(): Int32Array {
    return (this.#classDistances ??= this.#image?.classDistances ?? classDistances(this.classes(), this.selfSizes(), this.distances()));
  }

  qualifiedClassNames(): readonly string[] {
    return (this.#qualifiedClassNames ??= this.#image?.qualifiedClassNames ?? qualifiedClassNames(this.classes(), (id) => this.scriptName(id)));
  }

  idsAreStable(): boolean {
    return (this.#idsAreStable ??= this.#image?.idsAreStable ?? stableIds(this.snapshot));
  }

  plumbingMask(): Uint8Array {
    return (this.#plumbing ??= this.#image?.plumbing ?? plumbingMask(this.snapshot, this.#codes));
  }

  userRootMask(): Uint8Array {
    return (this.#userRoots ??= this.#image?.userRoots ?? userRootMask(this.snapshot, this.#codes));
  }

  globalMask(): Uint8Array {
    return (this.#globals ??= this.#image?.globals ?? globalMask(this.snapshot, this.#codes));
  }

  moduleMask(): Uint8Array {
    return (this.#modules ??= this.#image?.modules ?? moduleMask(this.snapshot, this.#codes));
  }

  containerMask(): Uint8Array {
    return (this.#containers ??= this.#image?.containers ?? containerMask(this.snapshot, this.#codes, this.plumbingMask(), this.globalMask()));
  }

  noiseMask(): Uint8Array {
    return (this.#noise ??= this.#image?.noise ?? noiseMask(this.snapshot, this.#codes, this.plumbingMask(), (id) => this.scriptName(id)));
  }

  topObjects(): readonly number[] {
    return (this.#topObjects ??= this.#image?.topObjects ?? topObjects(this.dominatorTree(), this.retainedSizes(), this.containerMask(), this.rootOrdinal));
  }

  retainingEdges(): RetainingEdges {
    return (this.#retainingEdges ??= retainingEdges(this.snapshot, this.#codes, this.plumbingMask()));
  }

  retentionTree(): RetentionTree {
    return (this.#retentionTree ??= this.#image?.retentionTree ?? retentionTree(this.snapshot, this.#codes, this.retainingEdges(), this.plumbingMask(), this.#ephemeronPairs()));
  }

  /**
   * With workers given, posts the dominator job (once, when it is still to do) so that it runs beside
   * this thread's phases: called by the phases that counting queries never need (retainers,
   * distances, retained sizes, class stats), so that the job starts with the first of them, and a
   * command that only counts (classes, shallow sizes) never makes the worker compute or hold it.
   */
  #startDominators(): void {
    if (this.#parallel && this.#dominatorJob === undefined && !this.#dominators && !this.#retainedSizes && !this.#image?.retainedSizes) {
      this.#dominatorJob = DominatorJob.start(this.snapshot, this.#codes, this.#ephemeronPairs(), this.#parallel);
    }
  }

  /** String index of `__proto__`, or -1. */
  #protoIndex(): number {
    if (this.#protoName === -2) this.#protoName = this.snapshot.strings.indexOf("__proto__");
    return this.#protoName;
  }

  /** The ids, sorted once (for lookups by id and matches across graphs). */
  #idIndex(): IdIndex {
    if (!this.#ids) {
      const progress = new PhaseProgress(this.#onProgress, "ids", this.nodeCount);
      this.#ids = new IdIndex(this.snapshot.nodeId);
      progress.done();
    }
    return this.#ids;
  }

  /** The WeakMap-pair index: one for every phase and index that needs it. */
  #ephemeronPairs(): EphemeronPairTable {
    return (this.#ephemerons ??= ephemeronPairTable(this.snapshot.strings));
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
