/**
 * How the decoders (`image-value.ts`, `string-list.ts`) get an image's sections: by name, each
 * read when asked for.
 *
 * @module
 */
import type { ImageArray } from "@heapgraph/snapshot";

/**
 * The sections of an image by name, read when asked for: `undefined` when there is no such
 * section; throws when the section cannot be read (`graphFromImage` turns that into `GraphError`
 * `INVALID_IMAGE`).
 *
 * @example
 * ```ts
 * const byName = new Map(image.sections.map((s) => [s.name, s]));
 * const sections: SectionLookup = (name) => byName.get(name)?.data;
 * ```
 */
export type SectionLookup = (name: string) => ImageArray | undefined;
