/**
 * MCP progress notifications for long tool calls (reading a large snapshot, capturing): sent when
 * the client asked for them (a `progressToken` in the request), at most a few a second, so that
 * a client that resets its timeout on progress waits for a file that takes minutes.
 *
 * @module
 */
import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import type { ServerNotification, ServerRequest } from "@modelcontextprotocol/sdk/types.js";

/**
 * Reports one step: what is being done, and how far (`done` of `total`, 0 when unknown).
 *
 * @example
 * ```ts
 * const report: ToolProgress = (message, done, total) => console.error(message, done, total);
 * ```
 */
export type ToolProgress = (message: string, done: number, total: number) => void;

/** Least time between two notifications, in ms (the first and the last are always sent). */
const INTERVAL_MS = 250;

/**
 * A {@link ToolProgress} that sends `notifications/progress` for this request, or undefined when
 * the client gave no progress token. The progress number only grows, as the protocol wants.
 *
 * @example
 * ```ts
 * server.registerTool("load_snapshot", config, (args, extra) => guarded(() => load(args.path, toolProgress(extra))));
 * ```
 */
export function toolProgress(extra: RequestHandlerExtra<ServerRequest, ServerNotification>): ToolProgress | undefined {
  const token = extra._meta?.progressToken;
  if (token === undefined) return undefined;
  let step = 0;
  let last = 0;
  return (message, done, total) => {
    const now = Date.now();
    const final = total > 0 && done >= total;
    if (step > 0 && !final && now - last < INTERVAL_MS) return;
    last = now;
    step++;
    const percent = total > 0 ? ` ${Math.min(100, Math.floor((100 * done) / total))}%` : "";
    void extra.sendNotification({ method: "notifications/progress", params: { progressToken: token, progress: step, message: `${message}${percent}` } }).catch(() => {});
  };
}
