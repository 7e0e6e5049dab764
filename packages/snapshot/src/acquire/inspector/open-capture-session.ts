/**
 * Opening a capture session: find the target (a `ws://` URL, or discovery over HTTP), connect,
 * find out which inspector protocol it speaks, and run captures one after the other on that
 * one connection.
 *
 * @module
 */
import { parseSnapshotOptions } from "../../errors/parse-snapshot-options.ts";
import type { HeapSnapshot } from "../../model/heap-snapshot.ts";
import { createSaveFile, receiveSnapshot } from "../receive-snapshot.ts";
import { CaptureError } from "./capture-error.ts";
import {
  allocationTrackingOptionsSchema,
  captureTargetSchema,
  collectGarbageOptionsSchema,
  connectOptionsSchema,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_IDLE_TIMEOUT_MS,
  snapshotCaptureOptionsSchema,
  type AllocationTrackingOptions,
  type CaptureProgress,
  type CaptureTarget,
  type CollectGarbageOptions,
  type ConnectOptions,
  type SnapshotCaptureOptions,
} from "./capture-options.ts";
import type { CaptureSession } from "./capture-session.ts";
import { CdpConnection } from "./cdp-connection.ts";
import { cdpHeapProtocol } from "./cdp-heap-protocol.ts";
import type { HeapProtocol, SnapshotTransfer } from "./heap-protocol.ts";
import type { InspectorTarget } from "./inspector-target.ts";
import { chooseTarget, listInspectorTargets } from "./inspector-targets.ts";
import { ProtocolReplyError } from "./protocol-reply-error.ts";
import { webkitHeapProtocol } from "./webkit-heap-protocol.ts";

/** JSON-RPC's "method not found": the inspector does not know DevTools' HeapProfiler. */
const METHOD_NOT_FOUND = -32601;

/**
 * Connects to an inspector target and finds out which protocol it speaks.
 * Rejects with a {@link CaptureError} (`REFUSED`, `TIMEOUT`, `NOT_CDP`, `NO_TARGET`, `PROTOCOL`,
 * and `NOT_SUPPORTED` for `trackAllocations` on Bun's WebKit inspector), or with
 * `SnapshotOptionsError` (`INVALID_OPTIONS`) for a bad target or options, before connecting.
 * `trackAllocations: true` turns the target's allocation tracking on as soon as the session
 * opens (see {@link CaptureSession.startTrackingAllocations}).
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
  const where = parseSnapshotOptions(captureTargetSchema, target, "openCaptureSession target");
  const { protocol = "auto", connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS, trackAllocations = false } = parseSnapshotOptions(
    connectOptionsSchema,
    options,
    "openCaptureSession options",
  );
  let url: string;
  let listed: InspectorTarget | null = null;
  const asUrl = typeof where === "string" ? new URL(where) : where instanceof URL ? where : null;
  if (asUrl && (asUrl.protocol === "ws:" || asUrl.protocol === "wss:")) {
    url = asUrl.href;
  } else {
    const { match, ...address } = asUrl
      ? { host: asUrl.hostname.replace(/^\[|\]$/g, ""), port: Number(asUrl.port || (asUrl.protocol === "https:" ? 443 : 80)), match: undefined }
      : (where as Exclude<typeof where, string | URL>);
    const targets = await listInspectorTargets(address, { timeoutMs: connectTimeoutMs });
    const chosen = chooseTarget(targets, match, `http://${address.host ?? "127.0.0.1"}:${address.port}/json/list`);
    listed = chosen;
    url = chosen.webSocketDebuggerUrl;
  }
  const conn = await CdpConnection.open(url, connectTimeoutMs);
  try {
    const heap = await detectProtocol(conn, protocol, connectTimeoutMs);
    const session = new InspectorCaptureSession(conn, heap, listed);
    if (trackAllocations) await session.startTrackingAllocations({ timeoutMs: connectTimeoutMs });
    return session;
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
    if (protocol === "cdp" || !reply || reply.protocolCode !== METHOD_NOT_FOUND) throw error;
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

class InspectorCaptureSession implements CaptureSession {
  readonly endpoint: string;
  readonly protocol: "cdp" | "webkit";
  readonly target: InspectorTarget | null;
  #conn: CdpConnection;
  #heap: HeapProtocol;
  #queue: Promise<unknown> = Promise.resolve();
  #tracking = false;

  constructor(conn: CdpConnection, heap: HeapProtocol, target: InspectorTarget | null) {
    this.#conn = conn;
    this.#heap = heap;
    this.endpoint = conn.endpoint;
    this.protocol = heap.name;
    this.target = target;
  }

  async collectGarbage(options: CollectGarbageOptions = {}): Promise<void> {
    const { timeoutMs = DEFAULT_IDLE_TIMEOUT_MS } = parseSnapshotOptions(collectGarbageOptionsSchema, options, "collectGarbage options");
    return this.#serial(() => this.#heap.collectGarbage(timeoutMs));
  }

  async capture(options: SnapshotCaptureOptions = {}): Promise<HeapSnapshot> {
    const parsed = parseSnapshotOptions(snapshotCaptureOptionsSchema, options, "capture options");
    return this.#serial(() => this.#capture(parsed));
  }

  close(): void {
    if (this.#tracking && !this.#conn.closedBy) this.#heap.releaseTracking();
    this.#tracking = false;
    this.#conn.close();
  }

  get tracksAllocations(): boolean {
    return this.#tracking;
  }

  async startTrackingAllocations(options: AllocationTrackingOptions = {}): Promise<void> {
    const { timeoutMs = DEFAULT_IDLE_TIMEOUT_MS } = parseSnapshotOptions(allocationTrackingOptionsSchema, options, "startTrackingAllocations options");
    return this.#serial(async () => {
      if (this.#tracking) return;
      if (this.#conn.closedBy) throw this.#conn.closedBy;
      await this.#heap.startTrackingAllocations(timeoutMs);
      this.#tracking = true;
    });
  }

  async stopTrackingAllocations(options: AllocationTrackingOptions = {}): Promise<void> {
    const { timeoutMs = DEFAULT_IDLE_TIMEOUT_MS } = parseSnapshotOptions(allocationTrackingOptionsSchema, options, "stopTrackingAllocations options");
    return this.#serial(async () => {
      if (!this.#tracking) return;
      if (this.#conn.closedBy) throw this.#conn.closedBy;
      await this.#heap.stopTrackingAllocations(timeoutMs);
      this.#tracking = false;
    });
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
    const file = await createSaveFile(saveTo);
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
