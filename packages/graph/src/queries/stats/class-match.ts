import type { HeapGraph } from "../../engine/index.ts";
import { cmp } from "../shared/compare-strings.ts";
import { className } from "../shared/option-schemas.ts";
import { QueryError } from "../shared/query-error.ts";
import { checkQueryArgument } from "../shared/query-options.ts";
import type { ClassInfo } from "./stats-rows.ts";

/**
 * Class indexes matching a name: classes whose qualified name is `name` or ends with `/name`
 * (so `app.mjs:12:Item` works without the full URL); failing that, classes whose short name is
 * `name` — all of them, however many definition sites share it. A name that is not a non-empty
 * string throws `INVALID_OPTIONS` naming `query`.
 *
 * @example
 * ```ts
 * const classes = matchClasses("count", graph, "Item"); // every class called Item
 * ```
 */
export function matchClasses(query: string, graph: HeapGraph, name: string): number[] {
  checkQueryArgument(query, "class name", className, name);
  const qualified = graph.qualifiedClassNames();
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
  return matchClasses("findClasses", graph, name)
    .map((c) => classInfo(graph, c))
    .sort((a, b) => b.count - a.count || cmp(a.qualifiedName, b.qualifiedName));
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
  const found = matchClasses("findClass", graph, name);
  if (found.length === 0) throw new QueryError("NOT_FOUND", `findClass: no class is called ${JSON.stringify(name)}`);
  if (found.length > 1) {
    const qualified = graph.qualifiedClassNames();
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
    qualifiedName: graph.qualifiedClassNames()[c],
    count: stats.count[c],
    selfSize: stats.selfSize[c],
    retainedSize: stats.retainedSize[c],
  };
  if (classes.scriptId[c] < 0) return info;
  const script = graph.scriptName(classes.scriptId[c]);
  return { ...info, ...(script !== undefined ? { script } : {}), line: classes.line[c] + 1, column: classes.column[c] + 1 };
}
