/**
 * A graph as an image and back: the parsed snapshot (every column, the strings, the header) and
 * the indexes the engine computed, as named typed-array sections plus small JSON metadata
 * (`IndexImage`), so that a file can store them and a later process build the same graph without
 * parsing or computing again. No I/O here: `@heapgraph/snapshot`'s index cache file stores images.
 *
 * @module
 */
import type { HeapSnapshot, ImageArray, ImageSection, IndexImage } from "@heapgraph/snapshot";
import { buildGraphOptions, type BuildGraphOptions } from "../build-options.ts";
import { Graph } from "../graph.ts";
import { GraphError } from "../graph-error.ts";
import type { HeapGraph } from "../heap-graph-types.ts";
import { parseGraphOptions } from "../parse-graph-options.ts";
import type { ComputedIndexes } from "./computed-indexes.ts";
import { decodeValue, encodeValue, type ValueDescriptor } from "./image-value.ts";

/**
 * The layout version of graph images: bump it whenever a phase's results or an index's shape
 * change, so that caches written by an older engine are rebuilt instead of trusted.
 *
 * @example
 * ```ts
 * const key = { engine: ENGINE_VERSION, size, mtimeMs };
 * ```
 */
export const ENGINE_VERSION = 1;

/**
 * A graph's image: `IndexImage` whose `meta` is {@link GraphImageMeta}.
 *
 * @example
 * ```ts
 * const image: GraphImage = graphImage(graph);
 * ```
 */
export type GraphImage = IndexImage;

/**
 * The JSON part of a graph image.
 *
 * @example
 * ```ts
 * const { engine, indexes } = graphImage(graph).meta as GraphImageMeta;
 * ```
 */
export interface GraphImageMeta {
  readonly engine: number;
  readonly snapshot: ValueDescriptor;
  /** Descriptors of the computed indexes, by {@link ComputedIndexes} name. */
  readonly indexes: Readonly<Record<string, ValueDescriptor>>;
}

/**
 * The image of `graph` (one built by `buildGraph` or {@link graphFromImage}): its snapshot and
 * every index computed so far. The sections are the graph's own arrays (no copies); nothing is
 * computed. Throws `GraphError` `INVALID_OPTIONS` for a graph the engine did not build.
 *
 * @example
 * ```ts
 * const graph = buildGraph(await readSnapshot("app.heapsnapshot"));
 * graph.retainedSizes();
 * const image = graphImage(graph); // write it with @heapgraph/snapshot's writeIndexCache
 * ```
 */
export function graphImage(graph: HeapGraph): GraphImage {
  if (!(graph instanceof Graph)) throw new GraphError("INVALID_OPTIONS", "graphImage: the graph was not built by buildGraph");
  const sections: ImageSection[] = [];
  const snapshot = encodeValue("s", graph.snapshot, sections);
  const indexes: Record<string, ValueDescriptor> = {};
  for (const [name, value] of Object.entries(graph.computedIndexes())) {
    if (value !== undefined) indexes[name] = encodeValue(`g.${name}`, value, sections);
  }
  const meta: GraphImageMeta = { engine: ENGINE_VERSION, snapshot, indexes };
  return { meta, sections };
}

/**
 * The names of the indexes an image holds (e.g. to decide whether a cache is worth rewriting
 * after a command computed more).
 *
 * @example
 * ```ts
 * imageIndexes(image); // ["retainers", "classes", ..., "retainedSizes"]
 * ```
 */
export function imageIndexes(image: GraphImage): string[] {
  const meta = image.meta as Partial<GraphImageMeta> | null;
  return meta && typeof meta.indexes === "object" && meta.indexes ? Object.keys(meta.indexes) : [];
}

/**
 * Builds a graph from an image: the snapshot's columns are the image's sections (views, no
 * copies) and every index the image holds is taken as computed; the others are computed on
 * first use, as in a fresh graph. The graph answers every query exactly as the graph the image
 * was made from. Throws `GraphError` `INVALID_IMAGE` when the image is not one of this engine
 * version or does not hold what its metadata says.
 *
 * @example
 * ```ts
 * const graph = graphFromImage(image, { onProgress: (p) => console.error(p.phase) });
 * graph.retainedSizes(); // from the image, not computed
 * ```
 */
export function graphFromImage(image: GraphImage, options: BuildGraphOptions = {}): HeapGraph {
  const { onProgress } = parseGraphOptions(buildGraphOptions, options, "graphFromImage");
  const meta = image?.meta as Partial<GraphImageMeta> | null;
  if (!meta || typeof meta !== "object" || meta.engine !== ENGINE_VERSION || !meta.snapshot || typeof meta.indexes !== "object" || !meta.indexes) {
    throw new GraphError("INVALID_IMAGE", `graphFromImage: not a graph image of engine version ${ENGINE_VERSION} (found ${JSON.stringify((meta as { engine?: unknown } | null)?.engine)})`);
  }
  const sections = new Map<string, ImageArray>();
  for (const section of image.sections) sections.set(section.name, section.data);
  const snapshot = decodeValue(meta.snapshot, sections) as HeapSnapshot;
  checkShape(snapshot);
  const computed: Record<string, unknown> = {};
  for (const [name, descriptor] of Object.entries(meta.indexes)) computed[name] = decodeValue(descriptor, sections);
  return new Graph(snapshot, onProgress, computed as ComputedIndexes);
}

/** The few facts every later loop relies on (a checked cache passes them; a bug must not turn into a hang or a wrong answer). */
function checkShape(s: HeapSnapshot): void {
  const ok =
    Number.isInteger(s.nodeCount) && Number.isInteger(s.edgeCount) &&
    s.firstEdge instanceof Uint32Array && s.firstEdge.length === s.nodeCount + 1 && s.firstEdge[s.nodeCount] === s.edgeCount &&
    s.edgeTarget instanceof Uint32Array && s.edgeTarget.length === s.edgeCount &&
    s.nodeId instanceof Uint32Array && s.nodeId.length === s.nodeCount && Array.isArray(s.strings);
  if (!ok) throw new GraphError("INVALID_IMAGE", `graphFromImage: the image's snapshot columns do not fit together (${s.nodeCount} nodes, ${s.edgeCount} edges)`);
}
