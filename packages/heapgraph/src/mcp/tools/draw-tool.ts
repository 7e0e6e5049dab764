/**
 * `draw`: refs, backrefs or a retaining chain as an SVG drawing in objgraph's style (Graphviz,
 * built in), size-capped, as text or as an `image/svg+xml` resource.
 *
 * @module
 */
import { chainSelection, pathToRoot, type Selection } from "@heapgraph/graph";
import { countNoun, formatSize, renderSvg, toDot } from "@heapgraph/render";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { asToolError, McpToolError } from "../mcp-error.ts";
import type { RegisterTools } from "../tool-context.ts";
import { toolProgress } from "../tool-progress.ts";
import { guarded } from "../tool-result.ts";
import { subgraphBounds, subgraphOf } from "./subgraph-tools.ts";
import { pickTarget, snapshotRef, targetInput } from "./tool-inputs.ts";

/**
 * Registers `draw`.
 *
 * @example
 * ```ts
 * registerDraw(server, ctx);
 * ```
 */
export const registerDraw: RegisterTools = (server, ctx) => {
  server.registerTool(
    "draw",
    {
      title: "Draw as SVG",
      description:
        "Draws refs, backrefs or the retaining chain of one object as SVG in objgraph's style (holder → held, roots red, modules and " +
        "globals green, the object blue, a red box for references cut by tooMany). Returned as an image/svg+xml resource (as: resource, " +
        "default) or as plain text (as: text). Refused with GRAPH_TOO_LARGE above maxBytes of SVG or the layout's limits: lower maxDepth or tooMany.",
      inputSchema: {
        snapshot: snapshotRef,
        kind: z.enum(["chain", "refs", "backrefs"]).describe("what to draw"),
        ...targetInput,
        ...subgraphBounds,
        maxBytes: z.number().int().min(1_000).max(2_000_000).default(300_000).describe("largest SVG returned, in bytes (default 300,000)"),
        as: z.enum(["resource", "text"]).default("resource").describe("an embedded image/svg+xml resource, or the SVG as text"),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args, extra) =>
      guarded(async (): Promise<CallToolResult> => {
        const entry = await ctx.store.resolve(args.snapshot, undefined, toolProgress(extra));
        const { node } = pickTarget(entry.graph, args, entry.handle);
        let selection: Selection;
        let title: string;
        if (args.kind === "chain") {
          const path = pathToRoot(entry.graph, node);
          if (!path.found) throw new McpToolError("NOT_FOUND", `${entry.handle}: no retaining path to ${node.className} @${node.id}: ${path.reason}`);
          selection = chainSelection(entry.graph, path.steps.map((s) => entry.graph.node(s.ordinal)));
          title = `Retaining chain of ${node.className} @${node.id}`;
        } else {
          selection = subgraphOf(args.kind, entry.graph, node, args);
          title = `${args.kind === "refs" ? "References from" : "Referrers of"} ${node.className} @${node.id}`;
        }
        const size = `${countNoun(selection.nodes.length, "object")}, ${countNoun(selection.edges.length, "reference")}`;
        const svg = await renderSvg(toDot(selection, { title })).catch((error: unknown) => {
          const typed = asToolError(error);
          throw typed.code === "GRAPH_TOO_LARGE" ? new McpToolError("GRAPH_TOO_LARGE", `${title}: too large to lay out (${size}); lower maxDepth or tooMany`, { cause: error }) : typed;
        });
        const bytes = new TextEncoder().encode(svg).length;
        if (bytes > args.maxBytes) throw new McpToolError("GRAPH_TOO_LARGE", `${title}: the SVG is ${formatSize(bytes)} (${size}), over maxBytes ${args.maxBytes}; lower maxDepth or tooMany, or raise maxBytes`);
        const data = { snapshot: entry.handle, kind: args.kind, target: { id: node.id, className: node.className }, title, nodes: selection.nodes.length, edges: selection.edges.length, bytes, mimeType: "image/svg+xml" };
        const summary = `${title}: ${size}, ${formatSize(bytes)} of SVG.\n`;
        if (args.as === "text") return { content: [{ type: "text", text: summary }, { type: "text", text: svg }], structuredContent: data };
        return {
          content: [
            { type: "text", text: summary },
            { type: "resource", resource: { uri: `heapgraph://${entry.handle}/${args.kind}/${node.id}.svg`, mimeType: "image/svg+xml", text: svg } },
          ],
          structuredContent: data,
        };
      }),
  );
};
