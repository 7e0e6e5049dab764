import type { AllocationFrame } from "@heapgraph/graph";
import { z } from "zod";
import { parseRenderOptions } from "../errors/parse-render-options.ts";
import { printable } from "./printable-text.ts";

const allocationStackTextOptions = z.strictObject({
  /** How many frames to show, top first (default 3; `Infinity`: all); the rest read `← … N more`. */
  maxFrames: z.union([z.number().int().positive(), z.literal(Number.POSITIVE_INFINITY)]).optional(),
  /** Show scripts by their full URL instead of the last path segment (default false). */
  fullPaths: z.boolean().optional(),
});

/**
 * Options of {@link allocationStackText}.
 *
 * @example
 * ```ts
 * const options: AllocationStackTextOptions = { maxFrames: 5, fullPaths: true };
 * ```
 */
export type AllocationStackTextOptions = z.input<typeof allocationStackTextOptions>;

/** Most characters of one function name; a frame's location is never cut. */
const MAX_NAME = 80;

/**
 * An allocation stack on one line, top frame first, frames joined by ` ← `:
 * `poll() poller.js:8:3 ← start() app.js:2:1 ← … 4 more`. Each frame is the function's name with
 * `()`, then its script's last path segment with the 1-based line and column where the function
 * starts (as DevTools shows them); a frame V8 could not place (native code) is its name alone.
 * Names and script names from the heap are made printable. An empty stack is `""`.
 * The frames come from `graph.allocationStack(o)` or an `allocationSites` row of `@heapgraph/graph`.
 *
 * @throws {RenderError} `INVALID_OPTIONS` for unknown or ill-typed options.
 *
 * @example
 * ```ts
 * const frames = graph.allocationStack(o);
 * if (frames) console.log(`allocated at: ${allocationStackText(frames)}`);
 * // allocated at: allocateNeedles() app.mjs:16:25 ← startWork() app.mjs:21:19 ← (anonymous)() app.mjs:1:1
 * ```
 */
export function allocationStackText(frames: readonly AllocationFrame[], options: AllocationStackTextOptions = {}): string {
  const { maxFrames = 3, fullPaths = false } = parseRenderOptions(allocationStackTextOptions, options, "allocationStackText options");
  const shown = frames.slice(0, maxFrames).map((frame) => frameText(frame, fullPaths));
  const more = frames.length - shown.length;
  if (more > 0) shown.push(`… ${more} more`);
  return shown.join(" ← ");
}

function frameText(frame: AllocationFrame, fullPaths: boolean): string {
  const name = `${printable(frame.functionName || "(anonymous)", MAX_NAME)}()`;
  if (!frame.scriptName) return name;
  const script = printable(fullPaths ? frame.scriptName : lastSegment(frame.scriptName), Infinity);
  const position = frame.line === null ? "" : frame.column === null ? `:${frame.line}` : `:${frame.line}:${frame.column}`;
  return `${name} ${script}${position}`;
}

/** The last segment of a script URL or path, without query or fragment. */
function lastSegment(path: string): string {
  return path.replace(/[?#].*$/, "").split(/[\\/]/).filter(Boolean).at(-1) ?? path;
}
