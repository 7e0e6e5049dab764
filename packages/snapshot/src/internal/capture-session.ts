/**
 * A live connection to another process's inspector, from which heap snapshots are
 * captured. Keeping it open between captures keeps heap ids comparable: V8 forgets
 * the ids it assigned when the inspector client that asked for them disconnects.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import { AtomicFile } from "./atomic-file.ts";
import { cdpHeapProtocol } from "./cdp-capture.ts";
import { CaptureError } from "./capture-error.ts";
import {
  connectSchema,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_IDLE_TIMEOUT_MS,
  snapshotCaptureSchema,
  targetSchema,
  validated,
  type CaptureProgress,
  type CaptureTarget,
  type ConnectOptions,
  type SnapshotCaptureOptions,
} from "./capture-options.ts";
import { CdpConnection, ProtocolReplyError } from "./cdp-connection.ts";
import type { HeapSnapshot } from "./heap-snapshot.ts";
import { chooseTarget, listInspectorTargets, type InspectorTarget } from "./inspector-targets.ts";
import { receiveSnapshot } from "./receive-snapshot.ts";
import { webkitHeapProtocol } from "./webkit-capture.ts";

/** Snapshot bytes on their way from the target, and how the transfer ended. */
export interface SnapshotTransfer {
  readonly chunks: AsyncIterable<Uint8Array>;
  /** Settles when the target has sent everything (or failed). */
  readonly finished: Promise<void>;
  /** The transport's error once it failed, else null. */
  readonly error: unknown;
}

/** The heap commands of one inspector protocol (DevTools' HeapProfiler or WebKit's Heap). */
export interface HeapProtocol {
  readonly name: "cdp" | "webkit";
  enable(timeoutMs: number): Promise<void>;
  collectGarbage(timeoutMs: number): Promise<void>;
  snapshot(options: { idleTimeoutMs: number; report: (progress: CaptureProgress) => void }): SnapshotTransfer;
}

/**
 * An open connection to one inspector target.
 *
 * @example
 * ```ts
 * import { openCaptureSession } from "@heapgraph/snapshot";
 * const session = await openCaptureSession("ws://127.0.0.1:9229/3f1c…");
 * try {
 *   const before = await session.capture();
 *   await fetch("http://127.0.0.1:3000/suspect-endpoint");
 *   const after = await session.capture({ saveTo: "after.heapsnapshot" });
 *   console.log(after.nodeCount - before.nodeCount, "more nodes; ids match across both");
 * } finally {
 *   session.close();
 * }
 * ```
 */
export interface CaptureSession {
  /** The WebSocket URL of the target. */
  readonly endpoint: string;
  /** `cdp` (Node, Deno, Chromium) or `webkit` (Bun; snapshots in JavaScriptCore's format). */
  readonly protocol: "cdp" | "webkit";
  /** The `/json/list` entry when the target was discovered, else null. */
  readonly target: InspectorTarget | null;
  /** Runs a full garbage collection in the target. */
  collectGarbage(options?: { timeoutMs?: number }): Promise<void>;
  /**
   * Captures one snapshot, streaming it into the reader (and `saveTo`) as it arrives.
   * Captures on one session run one after the other. After a failed capture the session is closed.
   */
  capture(options?: SnapshotCaptureOptions): Promise<HeapSnapshot>;
  /** Closes the connection. Idempotent. */
  close(): void;
}

/**
 * Connects to an inspector target and finds out which protocol it speaks.
 * Rejects with a {@link CaptureError} (`REFUSED`, `TIMEOUT`, `NOT_CDP`, `NO_TARGET`, `PROTOCOL`).
 *
 * @example
 * ```ts
 * import { openCaptureSession } from "@heapgraph/snapshot";
 * const session = await openCaptureSession({ port: 9222, match: { url: "localhost:5173" } });
 * const snap = await session.capture({ onProgress: (p) => console.log(p.phase, p.bytes) });
 * session.close();
 * ```
 */
export async function openCaptureSession(target: CaptureTarget, options: ConnectOptions = {}): Promise<CaptureSession> {
  const where = validated(targetSchema, target, "capture target");
  const { protocol = "auto", connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS } = validated(connectSchema, options, "capture options");
  let url: string;
  let listed: InspectorTarget | null = null;
  const asUrl = typeof where === "string" ? new URL(where) : where instanceof URL ? where : null;
  if (asUrl && (asUrl.protocol === "ws:" || asUrl.protocol === "wss:")) {
    url = asUrl.href;
  } else {
    const address = asUrl
      ? { host: asUrl.hostname.replace(/^\[|\]$/g, ""), port: Number(asUrl.port || (asUrl.protocol === "https:" ? 443 : 80)) }
      : (where as { host?: string; port: number });
    const match = asUrl ? undefined : (where as { match?: Parameters<typeof chooseTarget>[1] }).match;
    const targets = await listInspectorTargets(address, { timeoutMs: connectTimeoutMs });
    const chosen = chooseTarget(targets, match, `http://${address.host ?? "127.0.0.1"}:${address.port}/json/list`);
    listed = chosen;
    url = chosen.webSocketDebuggerUrl;
  }
  const conn = await CdpConnection.open(url, connectTimeoutMs);
  try {
    const heap = await detectProtocol(conn, protocol, connectTimeoutMs);
    return new Session(conn, heap, listed, connectTimeoutMs);
  } catch (error) {
    conn.close();
    throw error;
  }
}

async function detectProtocol(conn: CdpConnection, protocol: "auto" | "cdp" | "webkit", timeoutMs: number): Promise<HeapProtocol> {
  if (protocol === "webkit") {
    const heap = webkitHeapProtocol(conn);
    await heap.enable(timeoutMs);
    return heap;
  }
  const cdp = cdpHeapProtocol(conn);
  try {
    await cdp.enable(timeoutMs);
    return cdp;
  } catch (error) {
    const reply = error instanceof CaptureError && error.cause instanceof ProtocolReplyError ? error.cause : null;
    if (protocol === "cdp" || !reply || reply.code !== -32601) throw error;
  }
  const webkit = webkitHeapProtocol(conn);
  try {
    await webkit.enable(timeoutMs);
  } catch (error) {
    if (error instanceof CaptureError && error.code === "PROTOCOL") {
      const hint = conn.endpoint.includes("/devtools/browser/")
        ? ": this is the browser's own endpoint; capture a page instead ({ port, match })"
        : "";
      throw new CaptureError("NOT_CDP", conn.endpoint, `the inspector knows neither DevTools' HeapProfiler nor WebKit's Heap domain${hint}`, { cause: error });
    }
    throw error;
  }
  return webkit;
}

class Session implements CaptureSession {
  readonly endpoint: string;
  readonly protocol: "cdp" | "webkit";
  readonly target: InspectorTarget | null;
  #conn: CdpConnection;
  #heap: HeapProtocol;
  #commandTimeoutMs: number;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(conn: CdpConnection, heap: HeapProtocol, target: InspectorTarget | null, commandTimeoutMs: number) {
    this.#conn = conn;
    this.#heap = heap;
    this.endpoint = conn.endpoint;
    this.protocol = heap.name;
    this.target = target;
    this.#commandTimeoutMs = commandTimeoutMs;
  }

  collectGarbage(options: { timeoutMs?: number } = {}): Promise<void> {
    return this.#serial(() => this.#heap.collectGarbage(options.timeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS));
  }

  capture(options: SnapshotCaptureOptions = {}): Promise<HeapSnapshot> {
    const parsed = validated(snapshotCaptureSchema, options, "capture options");
    return this.#serial(() => this.#capture(parsed));
  }

  close(): void {
    this.#conn.close();
  }

  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => {});
    return run;
  }

  async #capture(options: SnapshotCaptureOptions): Promise<HeapSnapshot> {
    const { saveTo, onProgress, gc = true, idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS } = options;
    let bytes = 0;
    const report = (progress: CaptureProgress) => {
      bytes = progress.bytes;
      try {
        onProgress?.(progress);
      } catch {
        // a progress callback must not break the capture
      }
    };
    if (this.#conn.closedBy) throw this.#conn.closedBy;
    const file = saveTo === undefined ? null : await AtomicFile.create(saveTo instanceof URL ? fileURLToPath(saveTo) : saveTo);
    let transfer: SnapshotTransfer | null = null;
    try {
      if (gc) {
        report({ phase: "gc", done: 0, total: 0, bytes: 0 });
        await this.#heap.collectGarbage(idleTimeoutMs);
      }
      transfer = this.#heap.snapshot({ idleTimeoutMs, report });
      const snapshot = await receiveSnapshot(transfer.chunks, file, this.endpoint);
      await transfer.finished;
      report({ phase: "done", done: 0, total: 0, bytes });
      return snapshot;
    } catch (error) {
      await file?.abort();
      const cause = transfer?.error ?? this.#conn.closedBy ?? error;
      // The target may still be sending; this connection is no longer in a known state.
      this.#conn.close();
      throw cause;
    }
  }
}
