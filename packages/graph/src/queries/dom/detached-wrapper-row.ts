/**
 * What `detachedWrappers` returns: plain data, safe for `--json`.
 *
 * @module
 */

/**
 * One native object its embedder marked detached that is not a DOM node (a row of
 * `detachedWrappers`): in Node, a C++ object such as `Node / ModuleWrap` whose JavaScript
 * wrapper is weak. Plain data.
 *
 * @example
 * ```ts
 * for (const row of detachedWrappers(graph)) console.log(row.className, row.retainedSize);
 * ```
 */
export interface DetachedWrapperRow {
  readonly id: number;
  /** The native object's name, e.g. `Node / ModuleWrap`. */
  readonly name: string;
  /** DevTools' class name, e.g. `Detached Node / ModuleWrap`. */
  readonly className: string;
  readonly selfSize: number;
  readonly retainedSize: number;
}
