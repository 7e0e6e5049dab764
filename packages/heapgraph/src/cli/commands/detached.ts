/**
 * `heapgraph detached FILE`: DOM nodes no document holds (browser snapshots), and, with
 * `--wrappers`, the native objects Node marks detached that are no DOM nodes.
 *
 * @module
 */
import { detachedDomNodes, detachedWrappers, type DetachedWrapperRow } from "@heapgraph/graph";
import { countNoun, formatCount, formatSize, printable, type Table, tableToText } from "@heapgraph/render";
import { defineCommand } from "../command.ts";
import { limitFlag, switchFlag } from "../flags.ts";
import { loadGraph } from "../load-graph.ts";
import { printResult } from "../output.ts";

/**
 * `detached FILE [--roots-only] [--wrappers] [--limit N]`.
 * JSON: `{ file, count, nodes: [{ id, name, className, selfSize, retainedSize, treeRoot, treeSize }], wrapperCount }`,
 * with `--wrappers` also `wrappers: [{ id, name, className, selfSize, retainedSize }]`.
 *
 * @example
 * ```ts
 * await main(["detached", "page.heapsnapshot", "--roots-only"]);
 * ```
 */
export const detachedCommand = defineCommand({
  name: "detached",
  summary: "detached DOM nodes: elements no document holds but JavaScript still does",
  positionals: ["FILE"],
  options: {
    "roots-only": switchFlag("only the top node of each detached tree"),
    wrappers: switchFlag("list the detached objects that are no DOM nodes instead (Node's `Detached Node / …` wrappers)"),
    limit: limitFlag("how many rows to print as text (default 50; all: every row; --json lists all)", 50),
  },
  details: `
For snapshots of browser pages (Chrome, Chromium, Edge). Node and Deno have no DOM, so
their snapshots have no detached DOM nodes. Node (up to version 22) does mark some of its
own C++ objects detached, when their JavaScript wrapper is weak: DevTools lists them as
\`Detached Node / ModuleWrap\` and the like. They are not DOM nodes and usually no leak;
--wrappers lists them.`,
  examples: ["heapgraph detached page.heapsnapshot --roots-only", "heapgraph detached server.heapsnapshot --wrappers"],
  async run(args, ctx) {
    const { limit, wrappers: listWrappers } = args.values;
    const [file] = args.positionals;
    const graph = await loadGraph(file, ctx);
    const rows = detachedDomNodes(graph, { rootsOnly: args.values["roots-only"] });
    const nodes = rows.map((r) => ({
      id: r.id,
      name: r.name,
      className: r.className,
      selfSize: r.selfSize,
      retainedSize: r.retainedSize,
      treeRoot: r.treeRoot,
      treeSize: r.treeSize,
    }));
    const wrappers = detachedWrappers(graph);
    const result = { file, count: nodes.length, nodes, wrapperCount: wrappers.length, ...(listWrappers ? { wrappers: wrappers.map(wrapperJson) } : {}) };
    printResult(ctx, result, () => {
      if (listWrappers) {
        if (wrappers.length === 0) return `No detached objects other than DOM nodes in ${file}.\n`;
        return tableToText(detachedTable(`Detached objects that are no DOM nodes in ${file}: ${formatCount(wrappers.length)}`, wrappers, limit, "Class", () => ""));
      }
      if (nodes.length === 0) return `No detached DOM nodes in ${file}.\n${wrappers.length > 0 ? wrappersNote(wrappers) : ""}`;
      return tableToText(detachedTable(`Detached DOM nodes in ${file}: ${formatCount(nodes.length)}`, nodes, limit, "Element", (n) => (n.treeRoot ? countNoun(n.treeSize, "node") : ""), "Tree"));
    });
  },
});

function wrapperJson(row: DetachedWrapperRow) {
  return { id: row.id, name: row.name, className: row.className, selfSize: row.selfSize, retainedSize: row.retainedSize };
}

/** Why a snapshot with no detached DOM nodes still has `Detached …` classes, and how to list them. */
function wrappersNote(wrappers: readonly DetachedWrapperRow[]): string {
  const classes = new Map<string, number>();
  for (const w of wrappers) classes.set(w.className, (classes.get(w.className) ?? 0) + 1);
  const top = [...classes].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([name, n]) => `${printable(name, 40)} ×${formatCount(n)}`);
  return (
    `It has ${countNoun(wrappers.length, "detached wrapper object")} (${top.join(", ")}${classes.size > 3 ? ", …" : ""}): ` +
    "Node marks some of its C++ objects detached when their JavaScript wrapper is weak. They are not DOM nodes (Node has no DOM) and usually no leak. " +
    "List them with --wrappers.\n"
  );
}

/** A table of detached objects, at most `limit` rows, with an optional last column. */
function detachedTable<R extends { readonly id: number; readonly className: string; readonly selfSize: number; readonly retainedSize: number }>(
  title: string,
  rows: readonly R[],
  limit: number,
  first: string,
  extra: (row: R) => string,
  extraHeader?: string,
): Table {
  const shown = rows.slice(0, limit);
  return {
    title,
    columns: [
      { header: first, align: "left" },
      { header: "Id", align: "left" },
      { header: "Self size", align: "right" },
      { header: "Retained size", align: "right" },
      ...(extraHeader ? [{ header: extraHeader, align: "right" as const }] : []),
    ],
    rows: shown.map((n) => [printable(n.className, 60), `@${n.id}`, formatSize(n.selfSize), formatSize(n.retainedSize), ...(extraHeader ? [extra(n)] : [])]),
    ...(rows.length > shown.length ? { note: `… and ${formatCount(rows.length - shown.length)} more (--limit all, or --json)` } : {}),
  };
}
