/**
 * `dominators`: the objects that keep the most memory alive (largest retained sizes).
 *
 * @module
 */
import { largestRetainers } from "@heapgraph/graph";
import { formatSize, printable } from "@heapgraph/render";
import type { RegisterTools } from "../tool-context.ts";
import { toolProgress } from "../tool-progress.ts";
import { guarded, page, toolResult } from "../tool-result.ts";
import { limitInput, offsetInput, snapshotRef } from "./tool-inputs.ts";

/**
 * Registers `dominators`.
 *
 * @example
 * ```ts
 * registerDominators(server, ctx);
 * ```
 */
export const registerDominators: RegisterTools = (server, ctx) => {
  server.registerTool(
    "dominators",
    {
      title: "Largest retainers",
      description:
        "The objects that retain the most memory (dominator tree; retained size = what collecting the object would free), largest first, " +
        "with their share of the heap. Containers (globals, GC roots, V8 internals) are looked through, as Eclipse MAT's biggest objects. Paged.",
      inputSchema: { snapshot: snapshotRef, limit: limitInput(10, 100), offset: offsetInput },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args, extra) =>
      guarded(async () => {
        const entry = await ctx.store.resolve(args.snapshot, undefined, toolProgress(extra));
        const all = largestRetainers(entry.graph, { limit: args.offset + args.limit + 1 });
        const p = page(all, args.offset, args.limit);
        const nodes = p.rows.map((r) => ({ id: r.id, className: r.className, preview: r.preview, selfSize: r.selfSize, retainedSize: r.retainedSize, share: r.share, dominatedBy: r.dominatedBy }));
        const totalSize = entry.graph.retainedSizes()[entry.graph.rootOrdinal] ?? 0;
        const lines = nodes.map((n) => `  ${formatSize(n.retainedSize).padStart(9)}  ${(n.share * 100).toFixed(1).padStart(5)}%  ${printable(n.className, 60)} @${n.id}${n.preview ? `  ${printable(n.preview, 60)}` : ""}`);
        return toolResult(
          { snapshot: entry.handle, totalSize, offset: p.offset, nextOffset: p.nextOffset, nodes },
          `Largest retainers in ${entry.handle} (of ${formatSize(totalSize)}):\n${lines.join("\n")}\n${p.nextOffset === null ? "" : `(more: offset ${p.nextOffset})\n`}`,
        );
      }),
  );
};
