import type { HeapGraph } from "./heap-graph-types.ts";
import { memoize } from "./graph-memo.ts";
import { QueryError } from "./query-error.ts";
import { describeValue } from "./query-options.ts";

/**
 * One class of a graph, as plain data.
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
 * The qualified name of every class of a graph (see {@link ClassInfo.qualifiedName}), indexed
 * like `graph.classes().names`.
 *
 * @example
 * ```ts
 * const qualified = qualifiedClassNames(graph);
 * console.log(qualified[graph.classes().classOf[node.ordinal]]);
 * ```
 */
export function qualifiedClassNames(graph: HeapGraph): readonly string[] {
  return memoize(graph, "qualifiedClassNames", () => {
    const { names, scriptId, line, column } = graph.classes();
    const base = names.map((name, c) => {
      if (scriptId[c] < 0) return name;
      return `${scriptLabel(graph, scriptId[c])}:${line[c] + 1}:${name}`;
    });
    const seen = new Map<string, number>();
    for (const q of base) seen.set(q, (seen.get(q) ?? 0) + 1);
    return base.map((q, c) =>
      (seen.get(q) ?? 0) > 1 && scriptId[c] >= 0
        ? `${scriptLabel(graph, scriptId[c])}:${line[c] + 1}:${column[c] + 1}:${names[c]}`
        : q,
    );
  });
}

function scriptLabel(graph: HeapGraph, scriptId: number): string {
  return graph.scriptName(scriptId) ?? `script#${scriptId}`;
}

/**
 * Class indexes matching a name: classes whose qualified name is `name` or ends with `/name`
 * (so `app.mjs:12:Item` works without the full URL); failing that, classes whose short name is
 * `name` — all of them, however many definition sites share it.
 *
 * @example
 * ```ts
 * const classes = matchClasses(graph, "Item"); // every class called Item
 * ```
 */
export function matchClasses(graph: HeapGraph, name: string): number[] {
  if (typeof name !== "string" || name === "") {
    throw new QueryError("INVALID_OPTIONS", `class name must be a non-empty string, got ${describeValue(name)}`);
  }
  const qualified = qualifiedClassNames(graph);
  const names = graph.classes().names;
  const suffix = "/" + name;
  const byQualified: number[] = [];
  for (let c = 0; c < qualified.length; c++) {
    const q = qualified[c];
    if (q !== names[c] && (q === name || q.endsWith(suffix))) byQualified.push(c);
  }
  if (byQualified.length > 0) return byQualified;
  const byName: number[] = [];
  for (let c = 0; c < names.length; c++) if (names[c] === name) byName.push(c);
  return byName;
}

/**
 * Every class called `name` (or matching a qualified name), with its count and sizes. Two
 * classes share a name when the same class is defined in two places — or loaded twice, as when
 * code is reloaded — and `qualifiedName` tells them apart.
 *
 * @example
 * ```ts
 * for (const c of findClasses(graph, "Widget")) console.log(c.qualifiedName, c.count);
 * ```
 */
export function findClasses(graph: HeapGraph, name: string): ClassInfo[] {
  return matchClasses(graph, name).map((c) => classInfo(graph, c)).sort((a, b) => b.count - a.count || cmp(a.qualifiedName, b.qualifiedName));
}

/**
 * The one class called `name`. Throws a {@link QueryError} `NOT_FOUND` when none is, and
 * `AMBIGUOUS_NAME` (listing the qualified names to use instead) when several are.
 *
 * @example
 * ```ts
 * const widget = findClass(graph, "reloaded-widget.mjs?v=1:1:ReloadedWidget");
 * ```
 */
export function findClass(graph: HeapGraph, name: string): ClassInfo {
  const found = matchClasses(graph, name);
  if (found.length === 0) throw new QueryError("NOT_FOUND", `findClass: no class is called ${JSON.stringify(name)}`);
  if (found.length > 1) {
    const qualified = qualifiedClassNames(graph);
    throw new QueryError(
      "AMBIGUOUS_NAME",
      `findClass: ${found.length} classes are called ${JSON.stringify(name)}; use a qualified name: ${found.map((c) => qualified[c]).join(", ")}`,
    );
  }
  return classInfo(graph, found[0]);
}

/**
 * The {@link ClassInfo} of class index `c`.
 *
 * @example
 * ```ts
 * const info = classInfo(graph, graph.classes().classOf[node.ordinal]);
 * ```
 */
export function classInfo(graph: HeapGraph, c: number): ClassInfo {
  const classes = graph.classes();
  const stats = graph.classStats();
  const info: ClassInfo = {
    name: classes.names[c],
    qualifiedName: qualifiedClassNames(graph)[c],
    count: stats.count[c],
    selfSize: stats.selfSize[c],
    retainedSize: stats.retainedSize[c],
  };
  if (classes.scriptId[c] < 0) return info;
  const script = graph.scriptName(classes.scriptId[c]);
  return { ...info, ...(script !== undefined ? { script } : {}), line: classes.line[c] + 1, column: classes.column[c] + 1 };
}

/**
 * Plain string order, for stable sorting.
 *
 * @example
 * ```ts
 * ["b", "a"].sort(cmp); // ["a", "b"]
 * ```
 */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
