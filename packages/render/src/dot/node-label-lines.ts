import type { SelectionNode } from "@heapgraph/graph";
import { formatSize } from "../text/format-size.ts";

/**
 * What a node's label says, line by line, in every drawing of heapgraph (the DOT box and the
 * interactive graph's box say the same words).
 *
 * @example
 * ```ts
 * const options: NodeLabelOptions = { ids: false, sizes: true };
 * ```
 */
export interface NodeLabelOptions {
  /** Show `@id` after the class name (default true). */
  readonly ids?: boolean | undefined;
  /** Show the self / retained size line (default true). */
  readonly sizes?: boolean | undefined;
  /** The extra line, in place of the node's own `extraInfo` (already computed by the caller). */
  readonly extraInfo?: string | null | undefined;
}

/**
 * The label lines of a selection node, uncut: `Class @id`, the value preview (when it is not just
 * the class name), `N self, M retained`, and the extra line (the node's own `extraInfo` unless
 * `options` has one). The caller cuts and escapes them for its medium.
 *
 * @example
 * ```ts
 * nodeLabelLines(node); // ["Foo @4711", "64 B self, 1.2 kB retained"]
 * ```
 */
export function nodeLabelLines(node: SelectionNode, options: NodeLabelOptions = {}): string[] {
  const name = node.className || `(${node.type})`;
  const lines = [options.ids === false ? name : `${name} @${node.id}`];
  if (node.preview && node.preview !== node.className) lines.push(node.preview);
  if (options.sizes !== false) lines.push(`${formatSize(node.selfSize)} self, ${formatSize(node.retainedSize)} retained`);
  const info = "extraInfo" in options ? options.extraInfo : node.extraInfo;
  if (info !== undefined && info !== null && info !== "") lines.push(String(info));
  return lines;
}
