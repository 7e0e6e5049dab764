/**
 * The contract between the engine, which turns an analysed graph into an *image* (named typed
 * arrays plus small JSON metadata), and the index cache file, which stores an image and maps it
 * back without copying. Plain data: no runtime APIs.
 *
 * @module
 */

/**
 * The typed arrays an image section may hold (the file records which, as its `dtype`).
 *
 * @example
 * ```ts
 * const column: ImageArray = new Uint32Array(16);
 * ```
 */
export type ImageArray = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

/**
 * One named typed array of an image.
 *
 * @example
 * ```ts
 * const section: ImageSection = { name: "snapshot.nodeId", data: snapshot.nodeId };
 * ```
 */
export interface ImageSection {
  /** Unique within its image. */
  readonly name: string;
  readonly data: ImageArray;
}

/**
 * What a full analysis computed, as sections and JSON metadata: what `@heapgraph/graph`'s
 * `graphImage` makes and `graphFromImage` takes, and what the index cache file stores.
 *
 * @example
 * ```ts
 * const image: IndexImage = { meta: { nodeCount: 2 }, sections: [{ name: "ids", data: new Uint32Array([1, 3]) }] };
 * ```
 */
export interface IndexImage {
  /** Small JSON-compatible metadata (no typed arrays, no functions). */
  readonly meta: unknown;
  readonly sections: readonly ImageSection[];
}
