/**
 * The file name endings each kind of output file must have, so that `--svg x.png` is refused
 * before any work instead of writing SVG text into a `.png`.
 *
 * @module
 */

/**
 * The kinds of files the command writes.
 *
 * @example
 * ```ts
 * const kind: OutputKind = "svg";
 * ```
 */
export type OutputKind = "svg" | "html" | "dot" | "snapshot";

/**
 * The endings each kind accepts (compared without regard to case), the first one preferred.
 *
 * @example
 * ```ts
 * OUTPUT_EXTENSIONS.html; // [".html", ".htm"]
 * ```
 */
export const OUTPUT_EXTENSIONS: Readonly<Record<OutputKind, readonly string[]>> = {
  svg: [".svg"],
  html: [".html", ".htm"],
  dot: [".dot", ".gv"],
  snapshot: [".heapsnapshot", ".heapsnapshot.gz"],
};

/**
 * `a file name ending in .html or .htm`: what a flag of `kind` takes, in words.
 *
 * @example
 * ```ts
 * expectedFileName("dot"); // "a file name ending in .dot or .gv"
 * ```
 */
export function expectedFileName(kind: OutputKind): string {
  return `a file name ending in ${OUTPUT_EXTENSIONS[kind].join(" or ")}`;
}

/**
 * Whether `path` ends in one of `kind`'s endings.
 *
 * @example
 * ```ts
 * hasOutputExtension("svg", "chain.svg"); // true
 * hasOutputExtension("svg", "chain.png"); // false
 * ```
 */
export function hasOutputExtension(kind: OutputKind, path: string): boolean {
  const lower = path.toLowerCase();
  return OUTPUT_EXTENSIONS[kind].some((ext) => lower.endsWith(ext) && lower.length > ext.length && !/[\\/]$/.test(lower.slice(0, -ext.length)));
}
