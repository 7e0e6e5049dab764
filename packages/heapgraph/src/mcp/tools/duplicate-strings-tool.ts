/**
 * `duplicate_strings`: the same text held in many separate copies (Eclipse MAT's duplicate strings).
 *
 * @module
 */
import { duplicateStrings } from "@heapgraph/graph";
import { formatCount, formatSize, printable } from "@heapgraph/render";
import { z } from "zod";
import type { RegisterTools } from "../tool-context.ts";
import { toolProgress } from "../tool-progress.ts";
import { guarded, page, toolResult } from "../tool-result.ts";
import { limitInput, offsetInput, snapshotRef } from "./tool-inputs.ts";

/** Characters of each string's text returned. */
const TEXT_CHARS = 120;
/** Ids returned per string. */
const ID_SAMPLE = 5;

/**
 * Registers `duplicate_strings`.
 *
 * @example
 * ```ts
 * registerDuplicateStrings(server, ctx);
 * ```
 */
export const registerDuplicateStrings: RegisterTools = (server, ctx) => {
  server.registerTool(
    "duplicate_strings",
    {
      title: "Duplicated strings",
      description:
        "Strings held in many identical copies, most wasted bytes first: the text (cut to 120 characters), copies, size each, bytes " +
        `wasted, a few ids (for chain/backrefs). Paged; minCount copies at least (default 2).`,
      inputSchema: { snapshot: snapshotRef, minCount: z.number().int().min(2).default(2).describe("only strings with at least this many copies"), limit: limitInput(20, 200), offset: offsetInput },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args, extra) =>
      guarded(async () => {
        const entry = await ctx.store.resolve(args.snapshot, undefined, toolProgress(extra));
        const rows = duplicateStrings(entry.graph, { limit: args.offset + args.limit + 1, minCount: args.minCount });
        const p = page(rows, args.offset, args.limit);
        const strings = p.rows.map((r) => ({
          value: r.value.length > TEXT_CHARS ? `${r.value.slice(0, TEXT_CHARS)}…` : r.value,
          length: r.length,
          count: r.count,
          size: r.size,
          totalSize: r.totalSize,
          wastedBytes: r.wastedBytes,
          ids: r.ids.slice(0, ID_SAMPLE),
        }));
        const text =
          strings.length === 0
            ? `No string is held in ${args.minCount} or more copies in ${entry.handle}.\n`
            : `Duplicated strings in ${entry.handle} (copies, wasted, text):\n${strings.map((s) => `  ${formatCount(s.count).padStart(8)}  ${formatSize(s.wastedBytes).padStart(9)}  "${printable(s.value, 60)}"`).join("\n")}\n${p.nextOffset === null ? "" : `(more: offset ${p.nextOffset})\n`}`;
        return toolResult({ snapshot: entry.handle, offset: p.offset, nextOffset: p.nextOffset, strings, notMaterialized: rows.notMaterialized, unknownText: rows.unknownText }, text);
      }),
  );
};
