/**
 * The MCP server's session state: the snapshots loaded in this conversation, by handle
 * (`s1`, `s2`, …), each parsed once, and evicted least recently used beyond a count or an
 * estimated memory budget.
 *
 * @module
 */
import type { HeapGraph } from "@heapgraph/graph";
import { McpToolError } from "./mcp-error.ts";
import type { PathPolicy } from "./path-policy.ts";
import { readGraph, type ReadGraph } from "./read-graph.ts";
import type { ToolProgress } from "./tool-progress.ts";

/**
 * One loaded snapshot.
 *
 * @example
 * ```ts
 * const entry: LoadedSnapshot = await store.resolve("s1");
 * console.log(entry.handle, entry.path, entry.graph.nodeCount);
 * ```
 */
export interface LoadedSnapshot {
  /** `s1`, `s2`, …: what tools take as `snapshot`. */
  readonly handle: string;
  /** The real path of the file (for a capture: the file written). */
  readonly path: string;
  readonly graph: HeapGraph;
  /** Estimated memory of the indexed graph, in bytes (see {@link estimatedBytes}). */
  readonly bytes: number;
  /** What the reader skipped. */
  readonly warnings: readonly string[];
  /** When it was last used (a counter, not a clock). */
  lastUsed: number;
}

/**
 * How many snapshots, and how much estimated memory, the store keeps before it evicts.
 *
 * @example
 * ```ts
 * const limits: StoreLimits = { maxSnapshots: 8, maxBytes: 4 * 2 ** 30 };
 * ```
 */
export interface StoreLimits {
  readonly maxSnapshots: number;
  readonly maxBytes: number;
}

/**
 * The default limits: 8 snapshots, 4 GiB of estimated graph memory.
 *
 * @example
 * ```ts
 * new SnapshotStore(policy, DEFAULT_STORE_LIMITS);
 * ```
 */
export const DEFAULT_STORE_LIMITS: StoreLimits = Object.freeze({ maxSnapshots: 8, maxBytes: 4 * 2 ** 30 });

/**
 * A graph's memory, estimated from its size: the columns, the reverse edges and the engine's
 * indexes (distances, dominators, retained sizes) take about 80 bytes a node and 24 an edge.
 *
 * @example
 * ```ts
 * estimatedBytes(graph); // 52_000_000 for 500,000 nodes and 2,000,000 edges
 * ```
 */
export function estimatedBytes(graph: HeapGraph): number {
  return graph.nodeCount * 80 + graph.edgeCount * 24;
}

/**
 * The loaded snapshots. A path loads its file once (by real path); loads of one file at the same
 * time share one read. After each load the least recently used snapshots beyond the limits are
 * evicted, never the ones the current call uses (`keep`).
 *
 * @example
 * ```ts
 * const store = new SnapshotStore(await PathPolicy.create(["."]));
 * const { handle } = await store.load("app.heapsnapshot");
 * const again = await store.resolve(handle); // no second parse
 * ```
 */
export class SnapshotStore {
  private readonly entries = new Map<string, LoadedSnapshot>();
  private readonly loading = new Map<string, Promise<LoadedSnapshot>>();
  private nextHandle = 1;
  private clock = 0;
  /** Handles evicted so far, with their paths, to say so when one is asked for again. */
  private readonly evicted = new Map<string, string>();

  readonly policy: PathPolicy;
  readonly limits: StoreLimits;
  private readonly read: (realPath: string, asGiven: string, progress?: ToolProgress) => Promise<ReadGraph>;

  /** `read` turns a checked path into a graph (default {@link readGraph}, through the index cache). */
  constructor(
    policy: PathPolicy,
    limits: StoreLimits = DEFAULT_STORE_LIMITS,
    read: (realPath: string, asGiven: string, progress?: ToolProgress) => Promise<ReadGraph> = readGraph,
  ) {
    this.policy = policy;
    this.limits = limits;
    this.read = read;
  }

  /**
   * The snapshot `ref` names: a handle (`s1`) of a loaded snapshot, or a path, loaded now unless
   * it already is.
   *
   * @example
   * ```ts
   * const { graph } = await store.resolve("s2");
   * ```
   */
  async resolve(ref: string, keep: ReadonlySet<string> = new Set(), progress?: ToolProgress): Promise<LoadedSnapshot> {
    if (/^s\d+$/.test(ref)) {
      const entry = this.entries.get(ref);
      if (entry) return this.touch(entry);
      const was = this.evicted.get(ref);
      const loaded = [...this.entries.keys()];
      throw new McpToolError(
        "UNKNOWN_SNAPSHOT",
        `no loaded snapshot ${JSON.stringify(ref)}${was ? ` (it was ${was}, evicted to stay within the memory budget; load it again)` : ""}; loaded: ${loaded.length > 0 ? loaded.join(", ") : "none"}`,
      );
    }
    return this.load(ref, keep, progress);
  }

  /**
   * Loads the file at `path` (checked against the allowed directories), or returns it when
   * loaded already. `progress` hears the read (of the first caller, when several load one file at once).
   *
   * @example
   * ```ts
   * const entry = await store.load("snapshots/baseline.heapsnapshot");
   * ```
   */
  async load(path: string, keep: ReadonlySet<string> = new Set(), progress?: ToolProgress): Promise<LoadedSnapshot> {
    const real = await this.policy.readable(path);
    for (const entry of this.entries.values()) if (entry.path === real) return this.touch(entry);
    let pending = this.loading.get(real);
    if (!pending) {
      pending = this.read(real, path, progress).then(({ graph, warnings }) => this.add(graph, real, warnings, keep));
      this.loading.set(real, pending);
      void pending.finally(() => this.loading.delete(real)).catch(() => {});
    }
    return this.touch(await pending);
  }

  /**
   * Adds a graph already in memory (a capture, written to `path`) under a new handle.
   *
   * @example
   * ```ts
   * const entry = store.add(buildGraph(snapshot), "/srv/captures/capture-1.heapsnapshot");
   * ```
   */
  add(graph: HeapGraph, path: string, warnings: readonly string[] = [], keep: ReadonlySet<string> = new Set()): LoadedSnapshot {
    const handle = `s${this.nextHandle++}`;
    const entry: LoadedSnapshot = { handle, path, graph, bytes: estimatedBytes(graph), warnings, lastUsed: ++this.clock };
    this.entries.set(handle, entry);
    this.evict(new Set([...keep, handle]));
    return entry;
  }

  /**
   * Forgets a loaded snapshot; false when no snapshot has that handle.
   *
   * @example
   * ```ts
   * store.unload("s1");
   * ```
   */
  unload(handle: string): boolean {
    return this.entries.delete(handle);
  }

  /**
   * The loaded snapshots, most recently used first.
   *
   * @example
   * ```ts
   * store.list().map((e) => e.handle); // ["s3", "s1"]
   * ```
   */
  list(): LoadedSnapshot[] {
    return [...this.entries.values()].sort((a, b) => b.lastUsed - a.lastUsed);
  }

  /** Estimated memory of every loaded snapshot. */
  totalBytes(): number {
    let total = 0;
    for (const e of this.entries.values()) total += e.bytes;
    return total;
  }

  private touch(entry: LoadedSnapshot): LoadedSnapshot {
    entry.lastUsed = ++this.clock;
    return entry;
  }

  /** Evicts the least recently used snapshots not in `keep` while over a limit. */
  private evict(keep: ReadonlySet<string>): void {
    const over = () => this.entries.size > this.limits.maxSnapshots || this.totalBytes() > this.limits.maxBytes;
    while (over()) {
      const victim = [...this.entries.values()].filter((e) => !keep.has(e.handle)).sort((a, b) => a.lastUsed - b.lastUsed)[0];
      if (!victim) return;
      this.entries.delete(victim.handle);
      this.evicted.set(victim.handle, victim.path);
    }
  }
}
