/**
 * `find_leaks`: memlab's three-snapshot method, the diagnosis headlines first (the holder that grew).
 *
 * @module
 */
import { leakReport } from "@heapgraph/graph";
import { chainText, leakHeadlinesText } from "@heapgraph/render";
import { z } from "zod";
import { hiddenJson } from "../../json/leak-report.ts";
import { compactCluster } from "../compact-json.ts";
import type { RegisterTools } from "../tool-context.ts";
import { toolProgress } from "../tool-progress.ts";
import { guarded, page, toolResult } from "../tool-result.ts";
import { noiseInput, noiseOptions } from "./noise-input.ts";
import { limitInput, offsetInput, resolveAll, snapshotRef } from "./tool-inputs.ts";

/** Chains longer than this are not printed in the text (they stay in the structured result, trimmed). */
const TEXT_CHAIN_STEPS = 30;

/**
 * Registers `find_leaks`.
 *
 * @example
 * ```ts
 * registerFindLeaks(server, ctx);
 * ```
 */
export const registerFindLeaks: RegisterTools = (server, ctx) => {
  server.registerTool(
    "find_leaks",
    {
      title: "Find leaks in three snapshots",
      description:
        "What leaked: objects allocated between BASELINE and TARGET and still alive in FINAL (three snapshots of one process over one " +
        "inspector connection: take baseline, do the action that should not leak, take target, undo or finish it, take final). The answer " +
        "comes first: one headline per leak cluster naming the holder that grew (the array, Map, listener list or object the leaked objects " +
        "were added to), its entries in the three snapshots, what it holds and the code behind it. Then the clusters (paged, largest first) " +
        "with a representative id for chain/refs/backrefs, and what was hidden (single-object clusters, runtime internals; all shows them). " +
        "IDS_NOT_STABLE when heap ids do not match across the snapshots.",
      inputSchema: {
        baseline: snapshotRef,
        target: snapshotRef,
        final: snapshotRef,
        ...noiseInput,
        stableIds: z.boolean().optional().describe("trust heap ids even where they look renumbered"),
        limit: limitInput(5, 50),
        offset: offsetInput,
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args, extra) =>
      guarded(async () => {
        const [baseline, target, final] = await resolveAll(ctx.store, [args.baseline, args.target, args.final], toolProgress(extra));
        const report = leakReport(baseline!.graph, target!.graph, final!.graph, { ...(args.stableIds ? { stableIds: true } : {}), ...noiseOptions(args) });
        const p = page(report.clusters, args.offset, args.limit);
        const clusters = p.rows.map((c) => compactCluster(c, 12));
        const headlines = p.rows.map((c) => c.headline);
        let text = leakHeadlinesText(report.clusters.slice(args.offset), report.hidden, { limit: args.limit, showHidden: "all: true" });
        const top = p.rows[0];
        if (top && top.trace.length <= TEXT_CHAIN_STEPS) text += `\nRetaining chain of the first cluster's representative @${top.representativeId}:\n${chainText(top.trace)}`;
        if (p.nextOffset !== null) text += `(more clusters: offset ${p.nextOffset})\n`;
        return toolResult(
          {
            baseline: baseline!.handle,
            target: target!.handle,
            final: final!.handle,
            clusterCount: p.total,
            headlines,
            offset: p.offset,
            nextOffset: p.nextOffset,
            clusters,
            hidden: hiddenJson(report.hidden),
          },
          text,
        );
      }),
  );
};
