import type { ChainStep, LeakCluster } from "@heapgraph/graph";
import { z } from "zod";
import { interactiveGraphDataSchema } from "../interactive/interactive-graph-schema.ts";
import { tableSchema } from "../tables/table.ts";

const leakCluster = z.custom<LeakCluster>(
  (v) => typeof v === "object" && v !== null && Array.isArray((v as { trace?: unknown }).trace) && Array.isArray((v as { classes?: unknown }).classes),
  { message: "must be a leak cluster from findLeaks (with trace and classes)" },
);

const chainStep = z.custom<ChainStep>(
  (v) => typeof v === "object" && v !== null && typeof (v as { className?: unknown }).className === "string" && typeof (v as { id?: unknown }).id === "number",
  { message: "must be a chain step (from chainSteps, pathToRoot or a cluster's trace)" },
);

/**
 * What `leakReportHtml` accepts.
 *
 * @example
 * ```ts
 * leakReportInput.parse({ title: "Leaks", intro: "Three snapshots of app.js.", clusters: [] });
 * ```
 */
export const leakReportInput = z.strictObject({
  /** The page title. */
  title: z.string(),
  /** Paragraphs before the findings: how the snapshots were made. */
  intro: z.string(),
  /** The clusters, largest first, as `findLeaks` of `@heapgraph/graph` returns them. */
  clusters: z.array(leakCluster).readonly(),
  /** The retaining chain to explain (default: the top cluster's trace), with its SVG when drawn (see `chainSvg`). */
  chain: z
    .strictObject({
      steps: z.array(chainStep).min(1).readonly(),
      svg: z.string().optional(),
      /** The chain as the interactive graph (`interactiveGraphData` of its `chainSelection`), drawn instead of the SVG, which stays as its fallback. */
      interactive: interactiveGraphDataSchema.optional(),
      /** A sentence introducing the chain. */
      text: z.string(),
    })
    .readonly()
    .optional(),
  /** What the leak query hid by default (see `leakReport`), said in one line under the headlines. */
  hidden: z
    .strictObject({ clusters: z.number().int().nonnegative(), objects: z.number().int().nonnegative(), reasons: z.record(z.string(), z.number()) })
    .readonly()
    .optional(),
  /** How the reader shows what was hidden (`--all`, `{ all: true }`). */
  showHidden: z.string().optional(),
  /** More tables after the clusters (growth, comparison). */
  tables: z.array(tableSchema).readonly().optional(),
});

/**
 * What goes into a leak report besides the clusters: title, intro, the chain to explain, and
 * more tables.
 *
 * @example
 * ```ts
 * const input: LeakReportInput = { title: "Leaks", intro: "Three snapshots of app.js.", clusters: findLeaks(baseline, target, final) };
 * ```
 */
export type LeakReportInput = z.input<typeof leakReportInput>;
