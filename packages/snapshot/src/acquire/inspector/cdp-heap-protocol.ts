/**
 * Heap snapshots over the Chrome DevTools Protocol (Node, Deno, Chromium):
 * `HeapProfiler.collectGarbage`, then `HeapProfiler.takeHeapSnapshot`, whose
 * `addHeapSnapshotChunk` events are encoded and queued one by one as they arrive.
 *
 * @module
 */
import { CaptureError } from "./capture-error.ts";
import type { CaptureProgress } from "./capture-options.ts";
import type { HeapProtocol, SnapshotTransfer } from "./heap-protocol.ts";
import type { CdpConnection } from "./cdp-connection.ts";
import { ChunkQueue } from "./chunk-queue.ts";

/**
 * The DevTools HeapProfiler over `conn`.
 *
 * @example
 * ```ts
 * const heap = cdpHeapProtocol(conn);
 * await heap.enable(10_000);
 * const transfer = heap.snapshot({ idleTimeoutMs: 60_000, report: console.log });
 * for await (const chunk of transfer.chunks) process.stdout.write(chunk);
 * ```
 */
export function cdpHeapProtocol(conn: CdpConnection): HeapProtocol {
  return {
    name: "cdp",
    async enable(timeoutMs) {
      await conn.send("HeapProfiler.enable", {}, timeoutMs);
    },
    async collectGarbage(timeoutMs) {
      await conn.send("HeapProfiler.collectGarbage", {}, timeoutMs);
    },
    async startTrackingAllocations(timeoutMs) {
      await setNodeCompaction(conn, false, timeoutMs);
      await conn.send("HeapProfiler.startTrackingHeapObjects", { trackAllocations: true }, timeoutMs);
    },
    async stopTrackingAllocations(timeoutMs) {
      await conn.send("HeapProfiler.stopTrackingHeapObjects", { reportProgress: false }, timeoutMs);
      await setNodeCompaction(conn, true, timeoutMs);
    },
    releaseTracking() {
      void setNodeCompaction(conn, true, 10_000);
    },
    snapshot({ idleTimeoutMs, report }) {
      const encoder = new TextEncoder();
      const progress: CaptureProgress = { phase: "snapshot", done: 0, total: 0, bytes: 0 };
      let failure: unknown = null;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let transferDone = false;
      // (Re)starts the idle timer; once the transfer is over, the reader pulling the queued
      // chunks must not start it again, or it would keep the process alive after close().
      const arm = () => {
        clearTimeout(timer);
        if (transferDone) return;
        timer = setTimeout(() => {
          conn.fail(new CaptureError("TIMEOUT", conn.endpoint, `no snapshot data or progress for ${idleTimeoutMs} ms`));
        }, idleTimeoutMs);
      };
      const queue = new ChunkQueue({ onHigh: () => conn.pause(), onLow: () => conn.resume(), onPull: arm });
      const offChunk = conn.on("HeapProfiler.addHeapSnapshotChunk", (params) => {
        if (typeof params.chunk !== "string") {
          conn.fail(new CaptureError("PROTOCOL", conn.endpoint, "addHeapSnapshotChunk without a string chunk"));
          return;
        }
        const bytes = encoder.encode(params.chunk);
        progress.bytes += bytes.length;
        queue.push(bytes);
        arm();
        report({ ...progress });
      });
      const offProgress = conn.on("HeapProfiler.reportHeapSnapshotProgress", (params) => {
        progress.done = Number(params.done) || 0;
        progress.total = Number(params.total) || 0;
        arm();
        report({ ...progress });
      });
      arm();
      const finished = conn
        .send("HeapProfiler.takeHeapSnapshot", { reportProgress: true }, Infinity)
        .then(
          () => queue.end(),
          (error: unknown) => {
            failure = error;
            queue.fail(error);
            throw error;
          },
        )
        .finally(() => {
          transferDone = true;
          clearTimeout(timer);
          offChunk();
          offProgress();
        });
      finished.catch(() => {});
      const transfer: SnapshotTransfer = {
        chunks: queue,
        finished,
        get error() {
          return failure;
        },
      };
      return transfer;
    },
  };
}

/**
 * In a Node target, turns V8's old-space compaction off (or back on) through `node:v8`
 * (`process.getBuiltinModule`, Node 22.3 and later); elsewhere (Chromium, Deno, older Node) it
 * does nothing. While tracking, Node's inspector numbers every object every 50 ms, and V8 moves
 * the allocation stack of a numbered object no more: a compaction would lose the stacks of the
 * objects it moves (Node 24). A target that refuses the evaluation is tracked anyway.
 */
async function setNodeCompaction(conn: CdpConnection, on: boolean, timeoutMs: number): Promise<void> {
  const flag = on ? "--compact" : "--no-compact";
  const expression = `globalThis.process?.release?.name === "node" && typeof globalThis.process.getBuiltinModule === "function" && void globalThis.process.getBuiltinModule("node:v8").setFlagsFromString(${JSON.stringify(flag)})`;
  await conn.send("Runtime.evaluate", { expression, silent: true }, timeoutMs).catch(() => {});
}
