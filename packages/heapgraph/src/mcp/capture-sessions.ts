/**
 * The inspector connections the `capture` tool keeps open between calls, one per target, so
 * that snapshots taken in several calls (baseline, then target after the user's action, then
 * final) share one connection and their heap ids match. Only loopback inspectors unless the
 * user allowed remote ones.
 *
 * @module
 */
import { openCaptureSession, type CaptureSession, type CaptureTarget } from "@heapgraph/snapshot";
import { asToolError, McpToolError } from "./mcp-error.ts";

/**
 * Whether `host` is this machine: `localhost`, `127.x.x.x`, `::1` (with or without brackets),
 * or an IPv4-mapped loopback address.
 *
 * @example
 * ```ts
 * isLoopbackHost("127.0.0.1"); // true
 * isLoopbackHost("10.0.0.5"); // false
 * ```
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Where to capture from, as the `capture` tool takes it: a port (and host), or an inspector URL.
 *
 * @example
 * ```ts
 * const where: InspectorWhere = { port: 9229 };
 * ```
 */
export interface InspectorWhere {
  readonly port?: number | undefined;
  readonly host?: string | undefined;
  readonly url?: string | undefined;
  /** With `port`: the target whose URL contains this text. */
  readonly match?: string | undefined;
}

/**
 * The open connections, by target.
 *
 * @example
 * ```ts
 * const sessions = new CaptureSessions(false);
 * const { session, reused } = await sessions.open({ port: 9229 });
 * sessions.closeAll();
 * ```
 */
export class CaptureSessions {
  private readonly open_ = new Map<string, CaptureSession>();
  private readonly allowRemote: boolean;

  constructor(allowRemote: boolean) {
    this.allowRemote = allowRemote;
  }

  /**
   * The open connection to `where`, or a new one. `REMOTE_INSPECTOR_NOT_ALLOWED` for a host
   * that is not loopback (also when discovery points at one), `CAPTURE_FAILED` when the
   * inspector cannot be reached, `INVALID_ARGUMENT` without exactly one of `port` and `url`.
   *
   * @example
   * ```ts
   * const { session } = await sessions.open({ url: "ws://127.0.0.1:9229/3f1c" });
   * ```
   */
  async open(where: InspectorWhere): Promise<{ session: CaptureSession; reused: boolean; key: string }> {
    const { key, target, host } = this.targetOf(where);
    const known = this.open_.get(key);
    if (known) return { session: known, reused: true, key };
    this.checkHost(host);
    let session: CaptureSession;
    try {
      session = await openCaptureSession(target);
    } catch (error) {
      throw asToolError(error);
    }
    // Discovery (/json/list) names the WebSocket URL: it must be loopback too.
    const endpointHost = safeHost(session.endpoint);
    if (!this.allowRemote && (endpointHost === null || !isLoopbackHost(endpointHost))) {
      session.close();
      throw new McpToolError("REMOTE_INSPECTOR_NOT_ALLOWED", `${session.endpoint}: the inspector's target is not on this machine; the user can allow it with heapgraph mcp --allow-remote-inspector`);
    }
    this.open_.set(key, session);
    return { session, reused: false, key };
  }

  /**
   * Closes the connection for `key` (after a failed capture, or when the caller is done).
   *
   * @example
   * ```ts
   * sessions.close("127.0.0.1:9229");
   * ```
   */
  close(key: string): void {
    this.open_.get(key)?.close();
    this.open_.delete(key);
  }

  /** Closes every connection (when the server stops). */
  closeAll(): void {
    for (const key of [...this.open_.keys()]) this.close(key);
  }

  private targetOf(where: InspectorWhere): { key: string; target: CaptureTarget; host: string } {
    if ((where.port === undefined) === (where.url === undefined)) throw new McpToolError("INVALID_ARGUMENT", "give either port (with host) or url, not both and not neither");
    if (where.url !== undefined) {
      const host = safeHost(where.url);
      if (host === null) throw new McpToolError("INVALID_ARGUMENT", `url ${JSON.stringify(where.url)}: not a ws://, wss://, http:// or https:// URL`);
      return { key: where.url, target: where.url, host };
    }
    const host = where.host ?? "127.0.0.1";
    const key = `${host}:${where.port}${where.match ? ` ${where.match}` : ""}`;
    return { key, target: where.match ? { host, port: where.port!, match: { url: where.match } } : { host, port: where.port! }, host };
  }

  private checkHost(host: string): void {
    if (!this.allowRemote && !isLoopbackHost(host)) {
      throw new McpToolError("REMOTE_INSPECTOR_NOT_ALLOWED", `${host}: not a loopback address; capture reaches only inspectors on this machine unless the user starts heapgraph mcp --allow-remote-inspector`);
    }
  }
}

function safeHost(url: string): string | null {
  try {
    const u = new URL(url);
    return /^(wss?|https?):$/.test(u.protocol) ? u.hostname : null;
  } catch {
    return null;
  }
}
