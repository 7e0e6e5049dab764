/**
 * `detached_dom`: DOM nodes no document holds but JavaScript still does (browser snapshots).
 *
 * @module
 */
import { detachedDomNodes, detachedWrappers } from "@heapgraph/graph";
import { countNoun, formatSize, printable } from "@heapgraph/render";
import { z } from "zod";
import type { RegisterTools } from "../tool-context.ts";
import { toolProgress } from "../tool-progress.ts";
import { guarded, page, toolResult } from "../tool-result.ts";
import { limitInput, offsetInput, snapshotRef } from "./tool-inputs.ts";

/**
 * Registers `detached_dom`.
 *
 * @example
 * ```ts
 * registerDetachedDom(server, ctx);
 * ```
 */
export const registerDetachedDom: RegisterTools = (server, ctx) => {
  server.registerTool(
    "detached_dom",
    {
      title: "Detached DOM nodes",
      description:
        "DOM nodes that no document holds but JavaScript still does, in snapshots of browser pages (Chrome, Chromium, Edge), largest " +
        "retained first; rootsOnly lists only the top node of each detached tree. Node and Deno have no DOM: their snapshots have none " +
        "(Node's own `Detached …` wrappers are counted in wrapperCount, usually no leak). Paged.",
      inputSchema: { snapshot: snapshotRef, rootsOnly: z.boolean().default(false).describe("only the top node of each detached tree"), limit: limitInput(20, 200), offset: offsetInput },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args, extra) =>
      guarded(async () => {
        const entry = await ctx.store.resolve(args.snapshot, undefined, toolProgress(extra));
        const rows = detachedDomNodes(entry.graph, { rootsOnly: args.rootsOnly });
        const p = page(rows, args.offset, args.limit);
        const nodes = p.rows.map((r) => ({ id: r.id, name: r.name, className: r.className, selfSize: r.selfSize, retainedSize: r.retainedSize, treeRoot: r.treeRoot, treeSize: r.treeSize }));
        const wrapperCount = detachedWrappers(entry.graph).length;
        const text =
          rows.length === 0
            ? `No detached DOM nodes in ${entry.handle}.${wrapperCount > 0 ? ` (${countNoun(wrapperCount, "detached wrapper object")} of the runtime, no DOM nodes, usually no leak.)` : ""}\n`
            : `${countNoun(rows.length, "detached DOM node")} in ${entry.handle}:\n${nodes.map((n) => `  ${printable(n.className, 60)} @${n.id}  ${formatSize(n.retainedSize)}${n.treeRoot ? `  tree of ${n.treeSize}` : ""}`).join("\n")}\n${p.nextOffset === null ? "" : `(more: offset ${p.nextOffset})\n`}`;
        return toolResult({ snapshot: entry.handle, count: rows.length, offset: p.offset, nextOffset: p.nextOffset, nodes, wrapperCount }, text);
      }),
  );
};
