/**
 * `chain`: why an object is alive, as the chain of references from a root to it, durable holders
 * first (objgraph's `find_backref_chain` + `show_chain`).
 *
 * @module
 */
import { collapseRepeats, pathToRoot } from "@heapgraph/graph";
import { chainText, countNoun } from "@heapgraph/render";
import { z } from "zod";
import { trimmedSteps } from "../compact-json.ts";
import { McpToolError } from "../mcp-error.ts";
import type { RegisterTools } from "../tool-context.ts";
import { toolProgress } from "../tool-progress.ts";
import { guarded, toolResult } from "../tool-result.ts";
import { pickTarget, snapshotRef, targetInput } from "./tool-inputs.ts";

const ALSO_HELD_TEXT: Record<string, string> = {
  stack: "also held by the running code's stack at snapshot time",
  "async-frame": "also held by a suspended async function's locals (a module's async frame) at snapshot time",
};

/**
 * Registers `chain`.
 *
 * @example
 * ```ts
 * registerChain(server, ctx);
 * ```
 */
export const registerChain: RegisterTools = (server, ctx) => {
  server.registerTool(
    "chain",
    {
      title: "Retaining chain to the root",
      description:
        "Why an object is alive: the chain of references from a GC root to it, root first, each step with its edge (DevTools' retainers, " +
        "no weak references), preferring durable holders (globals, modules) over the running code's stack, which is mentioned when it " +
        "holds the object too. Give id, or className: then the instance is picked from the retaining path most instances share " +
        "(Eclipse MAT's merged paths), and the answer says how many share it. Repeated steps are collapsed; long chains keep both ends (maxSteps).",
      inputSchema: { snapshot: snapshotRef, ...targetInput, maxSteps: z.number().int().min(4).max(200).default(40).describe("longest chain returned (default 40); the middle is left out beyond") },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args, extra) =>
      guarded(async () => {
        const entry = await ctx.store.resolve(args.snapshot, undefined, toolProgress(extra));
        const { node, candidates, choice } = pickTarget(entry.graph, args, entry.handle);
        const path = pathToRoot(entry.graph, node);
        if (!path.found) throw new McpToolError("NOT_FOUND", `${entry.handle}: no retaining path to ${node.className} @${node.id}: ${path.reason}`);
        const steps = collapseRepeats(path.steps);
        const trimmed = trimmedSteps(steps, args.maxSteps);
        const alsoHeldBy = path.alsoHeldBy ?? [];
        const shared = choice && candidates > 1 ? { held: choice.held, groups: choice.groups.map((g) => ({ count: g.count, id: g.representative.id })) } : {};
        const title = `Retaining chain of ${path.steps.at(-1)?.label ?? node.className} @${node.id}`;
        const picked = choice && candidates > 1 ? `${choice.held} of ${candidates} ${node.className} share this retaining path; this one retains the most.\n` : "";
        const text =
          `${title}, from a GC root (${countNoun(path.steps.length - 1, "reference")}):\n${picked}` +
          (trimmed.omittedSteps > 0 ? `(${trimmed.omittedSteps} steps in the middle left out)\n` : "") +
          chainText(trimmed.omittedSteps > 0 ? [...steps.slice(0, 2), ...steps.slice(steps.length - (args.maxSteps - 2))] : steps) +
          alsoHeldBy.map((h) => `  (${ALSO_HELD_TEXT[h] ?? h})\n`).join("");
        return toolResult(
          {
            snapshot: entry.handle,
            target: { id: node.id, className: node.className, candidates, ...shared },
            chain: trimmed.steps,
            ...(trimmed.omittedSteps > 0 ? { omittedSteps: trimmed.omittedSteps } : {}),
            ...(alsoHeldBy.length > 0 ? { alsoHeldBy } : {}),
          },
          text,
        );
      }),
  );
};
