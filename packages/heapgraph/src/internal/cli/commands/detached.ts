/**
 * `heapgraph detached FILE`: DOM nodes no document holds (browser snapshots).
 *
 * @module
 */
import { detachedDomNodes } from "@heapgraph/graph";
import { formatCount, formatSize, printable, tableToText, type Table } from "@heapgraph/render";
import { countOption } from "../args.ts";
import type { Command } from "../command.ts";
import { loadGraph } from "../load-graph.ts";
import { printResult } from "../output.ts";

/**
 * `detached FILE [--roots-only] [--limit N]`. JSON: `{ file, count, nodes: [{ id, name, className, selfSize, retainedSize, treeRoot, treeSize }] }`.
 *
 * @example
 * ```ts
 * await main(["detached", "page.heapsnapshot", "--roots-only"]);
 * ```
 */
export const detachedCommand: Command = {
  name: "detached",
  summary: "detached DOM nodes: elements no document holds but JavaScript still does",
  positionals: ["FILE"],
  options: {
    "roots-only": { type: "boolean", help: "only the top node of each detached tree" },
    limit: { type: "string", value: "N", help: "how many rows to print as text (default 50; --json lists all)" },
  },
  details: `
For snapshots of browser pages (Chrome, Chromium, Edge). Node and Deno have no DOM, so
their snapshots have no detached DOM nodes.`,
  examples: ["heapgraph detached page.heapsnapshot --roots-only"],
  async run(args, ctx) {
    const limit = countOption(this, args, "limit", 50);
    const [file] = args.positionals;
    const graph = await loadGraph(file, ctx);
    const rows = detachedDomNodes(graph, { rootsOnly: args.values["roots-only"] === true });
    const nodes = rows.map((r) => ({
      id: r.id,
      name: r.name,
      className: r.className,
      selfSize: r.selfSize,
      retainedSize: r.retainedSize,
      treeRoot: r.treeRoot,
      treeSize: r.treeSize,
    }));
    printResult(ctx, { file, count: nodes.length, nodes }, () => {
      if (nodes.length === 0) return `No detached DOM nodes in ${file}.\n`;
      const shown = nodes.slice(0, limit);
      const table: Table = {
        title: `Detached DOM nodes in ${file}: ${formatCount(nodes.length)}`,
        columns: [
          { header: "Element", align: "left" },
          { header: "Id", align: "left" },
          { header: "Self size", align: "right" },
          { header: "Retained size", align: "right" },
          { header: "Tree", align: "right" },
        ],
        rows: shown.map((n) => [printable(n.className, 60), `@${n.id}`, formatSize(n.selfSize), formatSize(n.retainedSize), n.treeRoot ? `${formatCount(n.treeSize)} nodes` : ""]),
        ...(nodes.length > shown.length ? { note: `… and ${nodes.length - shown.length} more (--limit, or --json for all)` } : {}),
      };
      return tableToText(table);
    });
  },
};
