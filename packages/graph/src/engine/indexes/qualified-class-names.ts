import type { ClassIndex } from "../graph-index-types.ts";

/**
 * The qualified name of every class, indexed like `classes.names`: `script:line:name` (1-based
 * line) for classes with a script location, with the column too (`script:line:column:name`) when
 * two classes would otherwise share one; the bare name for the rest. Scripts are named by
 * `scriptName`, or `script#<id>` when unknown. The engine computes it once per graph
 * (`graph.qualifiedClassNames()`).
 *
 * @example
 * ```ts
 * const qualified = qualifiedClassNames(graph.classes(), (id) => graph.scriptName(id));
 * console.log(qualified[graph.classes().classOf[o]]); // "file:///app.mjs:12:Item"
 * ```
 */
export function qualifiedClassNames(classes: ClassIndex, scriptName: (scriptId: number) => string | undefined): string[] {
  const { names, scriptId, line, column } = classes;
  const label = (id: number) => scriptName(id) ?? `script#${id}`;
  const base = names.map((name, c) => (scriptId[c] < 0 ? name : `${label(scriptId[c])}:${line[c] + 1}:${name}`));
  const seen = new Map<string, number>();
  for (const q of base) seen.set(q, (seen.get(q) ?? 0) + 1);
  return base.map((q, c) =>
    (seen.get(q) ?? 0) > 1 && scriptId[c] >= 0 ? `${label(scriptId[c])}:${line[c] + 1}:${column[c] + 1}:${names[c]}` : q,
  );
}
