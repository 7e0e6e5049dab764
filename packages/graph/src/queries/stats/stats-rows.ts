/**
 * What the stats queries return: plain data, safe for `--json`, and the row types `@heapgraph/render` draws.
 *
 * @module
 */

/**
 * One class of a graph, as plain data (`findClass`, `findClasses`).
 *
 * @example
 * ```ts
 * const info: ClassInfo = findClass(graph, "app.mjs:12:Item");
 * console.log(info.qualifiedName, info.count, info.retainedSize);
 * ```
 */
export interface ClassInfo {
  /** The class name, as DevTools shows it (`MyClass`, `(string)`, `Array`, `{x, y}`). */
  readonly name: string;
  /**
   * The name with the script and line where the class was defined, `script:line:name`
   * (1-based line; the column is added, `script:line:column:name`, only when two classes of a
   * script share a line), for objects whose constructor has a location; else just `name`.
   * Stable across snapshots and processes: growth and comparisons match classes by it.
   */
  readonly qualifiedName: string;
  /** The defining script's URL or file name, when known. */
  readonly script?: string;
  /** 1-based line of the definition, when known. */
  readonly line?: number;
  /** 1-based column of the definition, when known. */
  readonly column?: number;
  /** Nodes of the class with a non-zero size (DevTools' count). */
  readonly count: number;
  /** Sum of shallow sizes. */
  readonly selfSize: number;
  /** Retained size, not counting nested objects of the same class twice. */
  readonly retainedSize: number;
}

/**
 * One row of `typestats` and `mostCommonTypes`: a class with its instance count and sizes.
 *
 * @example
 * ```ts
 * const [top]: TypeStatsRow[] = typestats(graph);
 * console.log(top.name, top.count, top.selfSize, top.retainedSize);
 * ```
 */
export interface TypeStatsRow {
  /** Class name (DevTools' rules). */
  readonly name: string;
  /** Class name with its definition site, `script:line:name`, or the name (see `ClassInfo`). */
  readonly qualifiedName: string;
  /** Instances with a non-zero size. */
  readonly count: number;
  /** Sum of shallow sizes, in bytes. */
  readonly selfSize: number;
  /** Retained size of the class: instances nested in other instances of the class count once. */
  readonly retainedSize: number;
}
