/**
 * What `detachedDomNodes` returns: plain data, safe for `--json`, and the row type `@heapgraph/render` draws.
 *
 * @module
 */

/**
 * One detached DOM node (a row of `detachedDomNodes`). Plain data.
 *
 * @example
 * ```ts
 * for (const row of detachedDomNodes(graph)) console.log(row.className, row.retainedSize, row.treeRoot);
 * ```
 */
export interface DetachedDomRow {
  readonly id: number;
  /** The element name as Blink writes it, e.g. `<li>` or `HTMLDivElement`. */
  readonly name: string;
  /** DevTools' class name, e.g. `Detached <li>`. */
  readonly className: string;
  readonly selfSize: number;
  readonly retainedSize: number;
  /** True for the top of a detached tree: no other detached DOM node dominates it. */
  readonly treeRoot: boolean;
  /** For a tree root: how many detached DOM nodes it dominates, itself included; else 0. */
  readonly treeSize: number;
}
