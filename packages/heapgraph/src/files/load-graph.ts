/**
 * Loading a snapshot file as a graph through the index cache: the second load of the same file
 * content maps the cache (one read, no parse, no analysis) instead of reading and analysing the
 * snapshot again. The cache lives in one directory (`$HEAPGRAPH_CACHE_DIR`, else
 * `$XDG_CACHE_HOME/heapgraph`, else `~/.cache/heapgraph`), one file per snapshot, the least
 * recently used removed past `$HEAPGRAPH_CACHE_MAX_BYTES` (8 GB). A cache that does not match the
 * snapshot's content, this version, or its own checksums is rebuilt, never trusted; a cache that
 * cannot be written is a warning. A cache is read lazily: its header when opened, each section
 * when a query first needs it (checked then), so a section found damaged late makes that query
 * throw `GraphError` `INVALID_IMAGE` (see {@link isCacheFailure}); the CLI then rebuilds.
 *
 * @module
 */
import { readFileSync } from "node:fs";
import process from "node:process";
import { resolve } from "node:path";
import { buildGraph, ENGINE_VERSION, GraphError, graphFromImage, graphImage, imageIndexes, type GraphPhase, type HeapGraph } from "@heapgraph/graph";
import {
  DEFAULT_CACHE_MAX_BYTES,
  ensureIndexCacheDir,
  indexCacheDir,
  indexCachePath,
  parseOptions,
  pruneIndexCaches,
  readIndexCache,
  readSnapshot,
  snapshotFingerprint,
  SnapshotOptionsError,
  touchIndexCache,
  writeIndexCache,
  type IndexCacheKey,
  type IndexCacheRead,
  type ReadWarning,
} from "@heapgraph/snapshot";
import { z } from "zod";

/**
 * A step of {@link loadGraph} or {@link openGraph}: reading the snapshot (`reading`, with bytes),
 * the engine's phases, or the cache's (`reading cache`, `writing cache`, with bytes).
 *
 * @example
 * ```ts
 * const onProgress = ({ phase, done, total }: LoadProgress) => console.error(phase, done, "/", total);
 * ```
 */
export interface LoadProgress {
  readonly phase: "reading" | "reading cache" | "writing cache" | GraphPhase;
  readonly done: number;
  readonly total: number;
}

const loadGraphOptions = z.strictObject({
  /** Use the index cache (default true): read it when it matches, write it after a full analysis. */
  cache: z.boolean().optional(),
  /** Do not read the cache, but write it as after a miss (default false): to replace a cache found damaged. */
  rebuild: z.boolean().optional(),
  /** The cache directory (default: `$HEAPGRAPH_CACHE_DIR`, `$XDG_CACHE_HOME/heapgraph` or `~/.cache/heapgraph`). */
  cacheDir: z.string().min(1).optional(),
  /** Bound on the cache directory's size in bytes (default `$HEAPGRAPH_CACHE_MAX_BYTES`, else 8 GB). */
  maxCacheBytes: z.number().positive().optional(),
  onProgress: z.custom<(progress: LoadProgress) => void>((v) => typeof v === "function", { error: "expected a function" }).optional(),
  /**
   * How to read and index the file when the cache cannot serve it (default: `readSnapshot` then
   * `buildGraph`, reporting to `onProgress` and `onWarning`): the CLI passes its own, which also
   * runs phases on workers.
   */
  read: z.custom<(path: string) => Promise<HeapGraph>>((v) => typeof v === "function", { error: "expected a function" }).optional(),
  /** What the reader skipped, and why a cache was rebuilt or not written. */
  onWarning: z.custom<(message: string) => void>((v) => typeof v === "function", { error: "expected a function" }).optional(),
});

/**
 * Options of {@link loadGraph} and {@link openGraph}.
 *
 * @example
 * ```ts
 * const options: LoadGraphOptions = { cache: false };
 * ```
 */
export type LoadGraphOptions = z.input<typeof loadGraphOptions>;

/**
 * A graph opened by {@link openGraph}: where it came from, and the way to store what it computed.
 *
 * @example
 * ```ts
 * const opened = await openGraph("app.heapsnapshot");
 * summarise(opened.graph);
 * await opened.saveCache();
 * ```
 */
export interface OpenedGraph {
  readonly graph: HeapGraph;
  /** `cache`: mapped from the index cache; `file`: read and indexed from the snapshot. */
  readonly source: "cache" | "file";
  /** The cache file for this snapshot, or null when the cache is off. */
  readonly cachePath: string | null;
  /** Why the cache was not used when there was one (stale, foreign, corrupt...), else null. */
  readonly rebuilt: Exclude<IndexCacheRead, { status: "hit" }> | null;
  /**
   * Writes the cache when the graph's analysis is worth storing: retained sizes computed, and
   * more than the cache already held. Resolves with whether it wrote; a failure is a warning.
   */
  saveCache(): Promise<boolean>;
}

/** Indexes whose absence from the cache makes a rewrite worth it (cheap masks are not). */
const WORTH_WRITING = ["retainedSizes", "retainers", "classes", "distances", "classStats", "noise", "retentionTree", "topObjects", "dominatorTree"];

/**
 * Opens the heap snapshot at `path` as a graph: from the index cache when it holds this file's
 * content, else read and indexed (lazily, as `buildGraph` does). Call `saveCache()` after the
 * work to store what was computed. Throws what `readSnapshot` and `buildGraph` throw.
 *
 * @example
 * ```ts
 * const { graph, source, saveCache } = await openGraph("app.heapsnapshot");
 * console.log(source, graph.retainedSizes()[graph.rootOrdinal]);
 * await saveCache();
 * ```
 */
export async function openGraph(path: string, options: LoadGraphOptions = {}): Promise<OpenedGraph> {
  const parsed = parseOptions(loadGraphOptions, options, "openGraph options", (message, cause) => new SnapshotOptionsError(message, { cause }));
  const { cache = true, onProgress, onWarning } = parsed;
  const engineProgress = onProgress ? (p: { phase: GraphPhase; done: number; total: number }) => onProgress(p) : undefined;
  const readFile = async (rebuilt: OpenedGraph["rebuilt"], cachePath: string | null, key: IndexCacheKey | null): Promise<OpenedGraph> => {
    if (parsed.read) return opened(await parsed.read(path), "file", cachePath, rebuilt, key, [], parsed);
    const snapshot = await readSnapshot(path, {
      ...(onProgress ? { onProgress: ({ bytesRead, totalBytes }: { bytesRead: number; totalBytes: number | null }) => onProgress({ phase: "reading", done: bytesRead, total: totalBytes ?? 0 }) } : {}),
      ...(onWarning ? { onWarning: (warning: ReadWarning) => onWarning(warning.message) } : {}),
    });
    const graph = buildGraph(snapshot, engineProgress ? { onProgress: engineProgress } : {});
    return opened(graph, "file", cachePath, rebuilt, key, [], parsed);
  };
  if (!cache) return readFile(null, null, null);
  const dir = parsed.cacheDir ? resolve(parsed.cacheDir) : indexCacheDir(process.env);
  const cachePath = indexCachePath(dir, path);
  let key: IndexCacheKey;
  try {
    key = { path: resolve(path), ...(await snapshotFingerprint(path)), versions: versions() };
  } catch {
    // The snapshot itself cannot be read: readSnapshot says so in its own words.
    return readFile(null, null, null);
  }
  if (parsed.rebuild) return readFile(null, cachePath, key);
  const found = await readIndexCache(cachePath, key, onProgress ? { onProgress: ({ done, total }) => onProgress({ phase: "reading cache", done, total }) } : {});
  if (found.status === "hit") {
    try {
      const graph = graphFromImage(found.image, engineProgress ? { onProgress: engineProgress } : {});
      await touchIndexCache(cachePath);
      return opened(graph, "cache", cachePath, null, key, imageIndexes(found.image), parsed);
    } catch (error) {
      const rebuilt = { status: "corrupt", reason: (error as Error)?.message ?? String(error) } as const;
      onWarning?.(`index cache ${cachePath} is unusable, rebuilding it: ${rebuilt.reason}`);
      return readFile(rebuilt, cachePath, key);
    }
  }
  // A changed snapshot or a new heapgraph is everyday life; a damaged or foreign file is worth a line.
  if (found.status === "corrupt" || found.status === "truncated" || found.status === "foreign" || found.status === "newer") {
    onWarning?.(`index cache ${cachePath} not used (${found.status}: ${found.reason}); rebuilding it`);
  }
  return readFile(found.status === "missing" ? null : found, cachePath, key);
}

/**
 * Reads the heap snapshot at `path` as a graph, through the index cache unless `cache: false`:
 * a cached file opens without parsing or analysis; otherwise the snapshot is read, fully
 * analysed (retainers, classes, distances, dominators, retained sizes, class stats and distances) and the
 * cache written, so that the next load is fast. With `cache: false` nothing is computed ahead
 * and nothing written (`buildGraph`'s lazy graph).
 *
 * @example
 * ```ts
 * import { loadGraph, queries } from "heapgraph";
 * const graph = await loadGraph("app.heapsnapshot");           // second time: from the cache
 * console.log(queries.mostCommonTypes(graph, { limit: 5 }));
 * const fresh = await loadGraph("app.heapsnapshot", { cache: false });
 * ```
 */
export async function loadGraph(path: string, options: LoadGraphOptions = {}): Promise<HeapGraph> {
  const opened = await openGraph(path, options);
  if (opened.source === "file" && opened.cachePath) {
    opened.graph.retainers();
    opened.graph.classStats();
    opened.graph.classDistances();
    await opened.saveCache();
  }
  return opened.graph;
}

function opened(
  graph: HeapGraph,
  source: "cache" | "file",
  cachePath: string | null,
  rebuilt: OpenedGraph["rebuilt"],
  key: IndexCacheKey | null,
  cachedIndexes: readonly string[],
  options: z.output<typeof loadGraphOptions>,
): OpenedGraph {
  const { onProgress, onWarning } = options;
  return {
    graph,
    source,
    cachePath,
    rebuilt,
    async saveCache() {
      if (!cachePath || !key) return false;
      // Decided from the names alone: making the image reads every section of a cached graph.
      const has = new Set(imageIndexes(graph));
      if (!has.has("retainedSizes")) return false;
      if (source === "cache" && !WORTH_WRITING.some((name) => has.has(name) && !cachedIndexes.includes(name))) return false;
      const image = graphImage(graph);
      const dir = cachePath.slice(0, Math.max(cachePath.lastIndexOf("/"), cachePath.lastIndexOf("\\")));
      try {
        await ensureIndexCacheDir(dir);
        await writeIndexCache(cachePath, image, key, onProgress ? { onProgress: ({ done, total }) => onProgress({ phase: "writing cache", done, total }) } : {});
      } catch (error) {
        onWarning?.(`cannot write the index cache ${cachePath}: ${shortReason(error)}`);
        return false;
      }
      await pruneIndexCaches(dir, options.maxCacheBytes ?? maxBytesFromEnv(), cachePath);
      return true;
    },
  };
}

/**
 * Whether `error` (thrown by a query on a graph) is a cache found unusable late: a section of an
 * index cache that turned out damaged, or changed, when a query first read it
 * (`GraphError` `INVALID_IMAGE`). The CLI rebuilds the cache and answers again.
 *
 * @example
 * ```ts
 * try { answer(graph); } catch (e) { if (opened.source === "cache" && isCacheFailure(e)) rebuild(); else throw e; }
 * ```
 */
export function isCacheFailure(error: unknown): boolean {
  return error instanceof GraphError && error.code === "INVALID_IMAGE";
}

function shortReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
}

function maxBytesFromEnv(): number {
  const value = Number(process.env.HEAPGRAPH_CACHE_MAX_BYTES);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_CACHE_MAX_BYTES;
}

let cachedVersions: string | undefined;

/** What must match for a cache to be used besides the snapshot: heapgraph's version and the engine's. */
function versions(): string {
  if (cachedVersions === undefined) {
    let version = "unknown";
    try {
      version = String(JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version);
    } catch {
      // A bundled copy without its package.json: the engine version still guards the layout.
    }
    cachedVersions = `heapgraph ${version}, engine ${ENGINE_VERSION}`;
  }
  return cachedVersions;
}
