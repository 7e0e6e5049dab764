/**
 * Target discovery over the inspector's HTTP endpoints (`/json/list`, `/json/version`)
 * and the chooser that picks one target, e.g. a browser page by URL or title.
 *
 * @module
 */
import { parseSnapshotOptions } from "../../errors/parse-snapshot-options.ts";
import { CaptureError } from "./capture-error.ts";
import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  inspectorAddressSchema,
  listTargetsOptionsSchema,
  type InspectorAddress,
  type ListTargetsOptions,
  type TargetMatch,
} from "./capture-options.ts";
import type { InspectorTarget } from "./inspector-target.ts";

/**
 * Lists the targets of the inspector at `address` (`GET /json/list`).
 * Rejects with a {@link CaptureError}: `REFUSED`, `TIMEOUT`, or `NOT_CDP` when the
 * server is not a DevTools inspector (Bun's inspector is told apart and explained);
 * with `SnapshotOptionsError` (`INVALID_OPTIONS`) for a bad address or options.
 *
 * @example
 * ```ts
 * import { listInspectorTargets } from "@heapgraph/snapshot";
 * for (const t of await listInspectorTargets({ port: 9222 })) console.log(t.type, t.url);
 * ```
 */
export async function listInspectorTargets(address: InspectorAddress, options: ListTargetsOptions = {}): Promise<InspectorTarget[]> {
  const where = parseSnapshotOptions(inspectorAddressSchema, address, "listInspectorTargets address");
  const { timeoutMs = DEFAULT_CONNECT_TIMEOUT_MS } = parseSnapshotOptions(listTargetsOptionsSchema, options, "listInspectorTargets options");
  const base = baseUrl(where);
  const endpoint = `${base}/json/list`;
  const list = await getJson(endpoint, timeoutMs);
  if (list.status === 404) {
    // Bun's inspector answers /json/version but lists no targets; its WebSocket path is random.
    const version = await getJson(`${base}/json/version`, timeoutMs).catch(() => null);
    const browser = (version?.body as { Browser?: unknown } | undefined)?.Browser;
    if (typeof browser === "string" && browser.startsWith("Bun")) {
      throw new CaptureError("NOT_CDP", endpoint, "this is Bun's inspector, which lists no targets: pass the ws:// URL that `bun --inspect` printed");
    }
  }
  if (list.status !== 200 || !Array.isArray(list.body)) {
    throw new CaptureError("NOT_CDP", endpoint, `expected a JSON array of DevTools targets, got HTTP ${list.status} ${describe(list.body)}`);
  }
  const targets: InspectorTarget[] = [];
  for (const entry of list.body as unknown[]) {
    if (typeof entry !== "object" || entry === null) continue;
    const e = entry as Record<string, unknown>;
    targets.push({
      id: String(e.id ?? ""),
      type: String(e.type ?? ""),
      title: String(e.title ?? ""),
      url: String(e.url ?? ""),
      webSocketDebuggerUrl: typeof e.webSocketDebuggerUrl === "string" ? e.webSocketDebuggerUrl : undefined,
      description: typeof e.description === "string" ? e.description : undefined,
    });
  }
  return targets;
}

/**
 * Chooses the target to capture: the first that matches `match`; without `match`, the
 * first `page`, else the first `node` (Node and Deno), else the only target there is.
 * Throws `NO_TARGET` naming the targets that were there.
 *
 * @example
 * ```ts
 * const targets = await listInspectorTargets({ port: 9222 });
 * const page = chooseTarget(targets, { url: /checkout/ }, "http://127.0.0.1:9222/json/list");
 * console.log(page.webSocketDebuggerUrl);
 * ```
 */
export function chooseTarget(targets: readonly InspectorTarget[], match: TargetMatch | undefined, endpoint: string): InspectorTarget & { webSocketDebuggerUrl: string } {
  const usable = targets.filter((t): t is InspectorTarget & { webSocketDebuggerUrl: string } => typeof t.webSocketDebuggerUrl === "string");
  let chosen: (InspectorTarget & { webSocketDebuggerUrl: string }) | undefined;
  if (match) {
    chosen = usable.find((t) => matches(t, match));
  } else {
    chosen = usable.find((t) => t.type === "page") ?? usable.find((t) => t.type === "node") ?? (usable.length === 1 ? usable[0] : undefined);
  }
  if (chosen) return chosen;
  const listed = targets.map((t) => `${t.type} ${JSON.stringify(t.url)} ${JSON.stringify(t.title)}${t.webSocketDebuggerUrl ? "" : " (debugger already attached)"}`);
  const wanted = match ? `matching ${describeMatch(match)}` : "(a page or a node target)";
  throw new CaptureError("NO_TARGET", endpoint, `no target ${wanted}; the inspector lists ${listed.length ? listed.join(", ") : "nothing"}`);
}

function matches(target: InspectorTarget, match: TargetMatch): boolean {
  if (typeof match === "function") return match(target);
  const test = (pattern: string | RegExp | undefined, value: string) =>
    pattern === undefined || (typeof pattern === "string" ? value.includes(pattern) : pattern.test(value));
  return test(match.url, target.url) && test(match.title, target.title) && (match.type === undefined || match.type === target.type);
}

function describeMatch(match: TargetMatch): string {
  if (typeof match === "function") return "the given function";
  const parts = Object.entries(match).map(([k, v]) => `${k} ${v instanceof RegExp ? String(v) : JSON.stringify(v)}`);
  return parts.join(" and ") || "anything";
}

/** `http://host:port` for an address; IPv6 hosts are bracketed. */
export function baseUrl(address: InspectorAddress): string {
  const host = address.host ?? "127.0.0.1";
  return `http://${host.includes(":") && !host.startsWith("[") ? `[${host}]` : host}:${address.port}`;
}

async function getJson(endpoint: string, timeoutMs: number): Promise<{ status: number; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(endpoint, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    if ((error as { name?: string }).name === "TimeoutError") {
      throw new CaptureError("TIMEOUT", endpoint, `no answer within ${timeoutMs} ms`, { cause: error });
    }
    throw new CaptureError("REFUSED", endpoint, "nothing accepted the connection", { cause: error });
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    const timedOut = (error as { name?: string }).name === "TimeoutError";
    throw new CaptureError(timedOut ? "TIMEOUT" : "NOT_CDP", endpoint, timedOut ? `the answer did not finish within ${timeoutMs} ms` : "the answer broke off", { cause: error });
  }
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: text };
  }
}

function describe(body: unknown): string {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return text.length > 60 ? `${JSON.stringify(text.slice(0, 60))}…` : JSON.stringify(text);
}
