/**
 * `compare`: what changed between two snapshots of one process (DevTools' Comparison view by heap
 * id), the growing holders first; class counts only when heap ids do not match.
 *
 * @module
 */
import { compare, growingHolders, growth, holderHeadline, QueryError } from "@heapgraph/graph";
import { formatCount, formatSize, hiddenLine, printable } from "@heapgraph/render";
import { z } from "zod";
import { compactHolder } from "../compact-json.ts";
import type { RegisterTools } from "../tool-context.ts";
import { toolProgress } from "../tool-progress.ts";
import { guarded, page, toolResult } from "../tool-result.ts";
import { noiseInput, noiseOptions } from "./noise-input.ts";
import { limitInput, offsetInput, resolveAll, snapshotRef } from "./tool-inputs.ts";

/**
 * Registers `compare`.
 *
 * @example
 * ```ts
 * registerCompare(server, ctx);
 * ```
 */
export const registerCompare: RegisterTools = (server, ctx) => {
  server.registerTool(
    "compare",
    {
      title: "Compare two snapshots",
      description:
        "What changed from BEFORE to AFTER (two snapshots of one process, one inspector connection): first the objects that new objects " +
        "were added to and that grew (arrays, Maps, Sets, dictionaries, listener lists; at most 5), then objects added and removed per " +
        "class, largest size change first (paged). Noise is hidden unless all. When heap ids do not identify objects across the two " +
        "(Bun renumbers every snapshot; two connections), answers with class counts only (idsStable: false).",
      inputSchema: { before: snapshotRef, after: snapshotRef, ...noiseInput, stableIds: z.boolean().optional().describe("trust heap ids even where they look renumbered"), limit: limitInput(20, 200), offset: offsetInput },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args, extra) =>
      guarded(async () => {
        const [before, after] = await resolveAll(ctx.store, [args.before, args.after], toolProgress(extra));
        const options = { ...(args.stableIds ? { stableIds: true } : {}), ...noiseOptions(args) };
        const head = { before: before!.handle, after: after!.handle };
        let rows;
        try {
          rows = compare(before!.graph, after!.graph, options);
        } catch (error) {
          if (!(error instanceof QueryError) || error.code !== "IDS_NOT_STABLE") throw error;
          const counts = growth(before!.graph, after!.graph, { limit: Infinity, ...noiseOptions(args) });
          const p = page(counts, args.offset, args.limit);
          const types = p.rows.map((r) => ({ name: r.name, count: r.count, previous: r.previous, delta: r.delta, sizeDelta: r.sizeDelta }));
          return toolResult(
            { ...head, idsStable: false, total: p.total, offset: p.offset, nextOffset: p.nextOffset, growth: types },
            `Heap ids do not identify objects across ${head.before} and ${head.after} (Bun renumbers every snapshot, or two inspector connections), ` +
              `so objects cannot be matched: class counts that grew instead:\n${types.map((t) => `  ${printable(t.name, 80)}  ${formatCount(t.previous)} → ${formatCount(t.count)} (${t.delta >= 0 ? "+" : ""}${t.delta})`).join("\n")}\n`,
          );
        }
        const holders = growingHolders(before!.graph, after!.graph, { ...options, limit: 5 });
        const p = page(rows, args.offset, args.limit);
        const types = p.rows.map((r) => ({ name: r.name, qualifiedName: r.qualifiedName, added: r.added, removed: r.removed, countDelta: r.countDelta, addedSize: r.addedSize, removedSize: r.removedSize, sizeDelta: r.sizeDelta }));
        const hidden = hiddenLine(rows.hidden, "all: true");
        const text =
          (holders.length > 0 ? `What grew, by holder:\n${holders.map((h, i) => `  ${i + 1}. ${printable(holderHeadline(h), 240)}  [${formatSize(h.retainedSize)}]`).join("\n")}\n` : "No holder grew.\n") +
          `Classes (added, removed, size change):\n${types.map((t) => `  ${printable(t.name, 80)}  +${formatCount(t.added)} −${formatCount(t.removed)}  ${t.sizeDelta >= 0 ? "+" : "−"}${formatSize(Math.abs(t.sizeDelta))}`).join("\n")}\n` +
          (p.nextOffset === null ? "" : `… ${formatCount(p.total - p.nextOffset)} more classes (offset ${p.nextOffset})\n`) +
          (hidden ? `${hidden}\n` : "");
        return toolResult(
          { ...head, idsStable: true, holders: holders.map((h) => compactHolder(h, 12)), total: p.total, offset: p.offset, nextOffset: p.nextOffset, types, hidden: rows.hidden },
          text,
        );
      }),
  );
};
