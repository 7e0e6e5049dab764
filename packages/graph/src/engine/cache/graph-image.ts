/**
 * A graph as an image and back: the parsed snapshot (every column, the strings, the header) and
 * the indexes the engine computed, as named typed-array sections plus small JSON metadata
 * (`IndexImage`), so that a file can store them and a later process build the same graph without
 * parsing or computing again. No I/O here: `@heapgraph/snapshot`'s index cache file stores images.
 *
 * @module
 */
import type { HeapSnapshot, ImageSection, IndexImage } from "@heapgraph/snapshot";
import { buildGraphOptions, type BuildGraphOptions } from "../build-options.ts";
import { Graph } from "../graph.ts";
import { GraphError } from "../graph-error.ts";
import type { HeapGraph } from "../heap-graph-types.ts";
import { parseGraphOptions } from "../parse-graph-options.ts";
import type { ComputedIndexes } from "./computed-indexes.ts";
import { decodeObjectLazily, encodeValue, type ValueDescriptor } from "./image-value.ts";
import type { SectionLookup } from "./section-lookup.ts";

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
 * The names of the indexes an image holds, or, given a graph, the indexes `graphImage(graph)`
 * would hold (computed, or taken from its image) without making the image or reading anything
 * (e.g. to decide whether a cache is worth rewriting after a command computed more).
 *
 * @example
 * ```ts
 * imageIndexes(image); // ["retainers", "classes", ..., "retainedSizes"]
 * imageIndexes(graph).includes("retainedSizes");
 * ```
 */
export function imageIndexes(image: GraphImage | HeapGraph): string[] {
  if (image instanceof Graph) return image.computedIndexNames();
  const meta = (image as GraphImage).meta as Partial<GraphImageMeta> | null;
  return meta && typeof meta.indexes === "object" && meta.indexes ? Object.keys(meta.indexes) : [];
}

/**
 * Builds a graph from an image: the snapshot's columns are the image's sections (views, no
 * copies) and every index the image holds is taken as computed; the others are computed on
 * first use, as in a fresh graph. The graph answers every query exactly as the graph the image
 * was made from. Nothing is read or decoded ahead: each snapshot column and each index is taken
 * from the image when first used (for an image of an index cache file, that is when its
 * sections are read). Throws `GraphError` `INVALID_IMAGE` when the image is not one of this
 * engine version or does not hold what its metadata says — at once for the metadata, and when
 * a column or index is first used for its sections (missing, of another shape, or unreadable:
 * a damaged section of a cache file), so callers that use a graph from a cache must be ready
 * for that error from any query.
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
  const byName = new Map<string, ImageSection>();
  for (const section of image.sections) byName.set(section.name, section);
  const sections: SectionLookup = (name) => {
    const section = byName.get(name);
    try {
      return section?.data;
    } catch (error) {
      throw new GraphError("INVALID_IMAGE", `graphFromImage: section ${JSON.stringify(name)} cannot be read: ${(error as Error)?.message ?? error}`, { cause: error });
    }
  };
  for (const descriptor of [meta.snapshot, ...Object.values(meta.indexes)]) {
    for (const name of sectionNames(descriptor)) {
      if (!byName.has(name)) throw new GraphError("INVALID_IMAGE", `graphFromImage: the image has no section ${JSON.stringify(name)}`);
    }
  }
  const counts = snapshotCounts(meta.snapshot);
  const snapshot = decodeObjectLazily(meta.snapshot, sections, (key, value) => checkColumn(key, value, counts)) as unknown as HeapSnapshot;
  const computed = decodeObjectLazily({ t: "o", e: meta.indexes }, sections) as ComputedIndexes;
  return new Graph(snapshot, onProgress, computed);
}

/** The names of the sections a descriptor uses (from the descriptor alone: nothing is read). */
function sectionNames(descriptor: ValueDescriptor): string[] {
  switch (descriptor?.t) {
    case "a":
    case "n":
      return [descriptor.s];
    case "s":
      return [`${descriptor.s}.bytes`, `${descriptor.s}.ends`, `${descriptor.s}.blocks`];
    case "M":
      return [`${descriptor.s}.keys`, `${descriptor.s}.values`];
    case "m":
      return descriptor.e.flatMap(([, item]) => sectionNames(item));
    case "o":
      return Object.values(descriptor.e).flatMap(sectionNames);
    default:
      return [];
  }
}

/** The node and edge counts of a snapshot descriptor (plain JSON in it), checked. */
function snapshotCounts(descriptor: ValueDescriptor): { nodeCount: number; edgeCount: number } {
  const entries = descriptor?.t === "o" ? descriptor.e : undefined;
  const nodeCount = entries?.nodeCount?.t === "j" ? entries.nodeCount.v : undefined;
  const edgeCount = entries?.edgeCount?.t === "j" ? entries.edgeCount.v : undefined;
  if (!Number.isInteger(nodeCount) || !Number.isInteger(edgeCount)) {
    throw new GraphError("INVALID_IMAGE", `graphFromImage: the image's snapshot has no node and edge counts (${JSON.stringify(nodeCount)}, ${JSON.stringify(edgeCount)})`);
  }
  return { nodeCount: nodeCount as number, edgeCount: edgeCount as number };
}

/**
 * The few facts every later loop relies on, checked as each column is taken from the image (a
 * checked cache passes them; a bug must not turn into a hang or a wrong answer).
 */
function checkColumn(key: string, value: unknown, { nodeCount, edgeCount }: { nodeCount: number; edgeCount: number }): void {
  let ok = true;
  if (key === "firstEdge") ok = value instanceof Uint32Array && value.length === nodeCount + 1 && value[nodeCount] === edgeCount;
  else if (key === "edgeTarget") ok = value instanceof Uint32Array && value.length === edgeCount;
  else if (key === "nodeId") ok = value instanceof Uint32Array && value.length === nodeCount;
  else if (key === "strings") ok = Array.isArray(value);
  if (!ok) throw new GraphError("INVALID_IMAGE", `graphFromImage: the image's snapshot column ${key} does not fit the others (${nodeCount} nodes, ${edgeCount} edges)`);
}
