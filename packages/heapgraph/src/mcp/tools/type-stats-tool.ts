/**
 * `type_stats`: the most common classes of one snapshot (objgraph's `most_common_types`, with sizes).
 *
 * @module
 */
import { mostCommonTypes } from "@heapgraph/graph";
import { formatCount, formatSize, printable } from "@heapgraph/render";
import type { RegisterTools } from "../tool-context.ts";
import { toolProgress } from "../tool-progress.ts";
import { guarded, page, toolResult } from "../tool-result.ts";
import { filterInput, noiseOptions } from "./noise-input.ts";
import { limitInput, offsetInput, snapshotRef } from "./tool-inputs.ts";

/**
 * Registers `type_stats`.
 *
 * @example
 * ```ts
 * registerTypeStats(server, ctx);
 * ```
 */
export const registerTypeStats: RegisterTools = (server, ctx) => {
  server.registerTool(
    "type_stats",
    {
      title: "Most common types",
      description:
        "Counts objects per class in one snapshot, most numerous first, with self and retained sizes (DevTools' Summary view; objgraph's " +
        "most_common_types). Filter by class pattern, V8 node type or user objects. Paged: limit (≤ 200) and offset.",
      inputSchema: { snapshot: snapshotRef, ...filterInput, limit: limitInput(20, 200), offset: offsetInput },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args, extra) =>
      guarded(async () => {
        const entry = await ctx.store.resolve(args.snapshot, undefined, toolProgress(extra));
        const all = mostCommonTypes(entry.graph, { limit: Infinity, ...noiseOptions(args) });
        const p = page(all, args.offset, args.limit);
        const types = p.rows.map((t) => ({ name: t.name, qualifiedName: t.qualifiedName, count: t.count, selfSize: t.selfSize, retainedSize: t.retainedSize }));
        const lines = types.map((t) => `${formatCount(t.count).padStart(10)}  ${formatSize(t.selfSize).padStart(9)}  ${printable(t.name, 80)}`);
        const more = p.nextOffset === null ? "" : `… ${formatCount(p.total - p.nextOffset)} more classes (offset ${p.nextOffset})\n`;
        return toolResult(
          { snapshot: entry.handle, total: p.total, offset: p.offset, nextOffset: p.nextOffset, types },
          `${entry.handle}: ${formatCount(p.total)} classes; count, self size, class:\n${lines.join("\n")}\n${more}`,
        );
      }),
  );
};
