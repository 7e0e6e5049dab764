import { z } from "zod";
import type { InteractiveEdge, InteractiveGraphData, InteractiveNode } from "./interactive-graph-types.ts";

const heapId = z.number().int().nonnegative();
const count = z.number().int().nonnegative();

/**
 * The zod schema of an {@link InteractiveNode}.
 *
 * @example
 * ```ts
 * interactiveNodeSchema.parse({ id: 1, label: "Foo @1", className: "Foo", type: "object", selfSize: 16, retainedSize: 16, distance: 2 });
 * ```
 */
export const interactiveNodeSchema = z.strictObject({
  id: heapId,
  label: z.string(),
  className: z.string(),
  type: z.string(),
  selfSize: z.number().nonnegative(),
  retainedSize: z.number().nonnegative(),
  distance: z.number().int(),
  depth: count.optional(),
  role: z.enum(["start", "root", "global", "module", "highlight", "plain"]).optional(),
  colors: z.strictObject({ fill: z.string(), text: z.string(), border: z.string() }).optional(),
  detail: z.string().optional(),
  detached: z.boolean().optional(),
  isRoot: z.boolean().optional(),
  expandable: z.strictObject({ refs: count, backrefs: count }).optional(),
});

/**
 * The zod schema of an {@link InteractiveEdge}.
 *
 * @example
 * ```ts
 * interactiveEdgeSchema.parse({ from: 1, to: 2, label: ".x", type: "property" });
 * ```
 */
export const interactiveEdgeSchema = z.strictObject({
  from: heapId,
  to: heapId,
  label: z.string(),
  type: z.string(),
  weak: z.boolean().optional(),
});

/**
 * The zod schema of {@link InteractiveGraphData}: what `interactiveGraphHtml` checks before it
 * embeds data, and what a server may check an `expand` answer with.
 *
 * @example
 * ```ts
 * const data = interactiveGraphDataSchema.parse(JSON.parse(text));
 * ```
 */
export const interactiveGraphDataSchema = z.strictObject({
  version: z.literal(1),
  kind: z.enum(["refs", "backrefs", "chain", "graph"]),
  rankDir: z.enum(["TB", "LR", "BT", "RL"]).optional(),
  title: z.string().optional(),
  nodes: z.array(interactiveNodeSchema),
  edges: z.array(interactiveEdgeSchema),
  highlight: z.array(heapId).optional(),
  focus: heapId.optional(),
  neighbourhood: z.strictObject({ nodes: z.array(interactiveNodeSchema), edges: z.array(interactiveEdgeSchema) }).optional(),
  truncated: z.array(z.strictObject({ id: heapId, direction: z.enum(["refs", "backrefs"]), count })).optional(),
});

// The schema and the contract's interfaces must say the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const nodeSchemaMatches: Same<z.output<typeof interactiveNodeSchema>, InteractiveNode> = true;
const edgeSchemaMatches: Same<z.output<typeof interactiveEdgeSchema>, InteractiveEdge> = true;
const dataSchemaMatches: Same<z.output<typeof interactiveGraphDataSchema>, InteractiveGraphData> = true;
void [nodeSchemaMatches, edgeSchemaMatches, dataSchemaMatches];
