/**
 * Heap snapshots over WebKit's Inspector protocol, which Bun's inspector speaks:
 * `Heap.enable`, `Heap.gc`, `Heap.snapshot`. The protocol returns the whole
 * JavaScriptCore snapshot as one string in one reply (no chunks, no progress), so the
 * snapshot must fit in one string on both sides; the reader gets it in slices.
 *
 * @module
 */
import { CaptureError } from "./capture-error.ts";
import type { HeapProtocol, SnapshotTransfer } from "./heap-protocol.ts";
import type { CdpConnection } from "./cdp-connection.ts";
import { stringChunks } from "../../read/string-chunks.ts";

const NO_ALLOCATION_STACKS =
  "allocation tracking needs V8's HeapProfiler; WebKit's inspector (Bun) records no allocation stacks: run the program under Node or Deno to see them";

/**
 * WebKit's Heap domain over `conn` (Bun's inspector).
 *
 * @example
 * ```ts
 * const heap = webkitHeapProtocol(conn);
 * await heap.enable(10_000);
 * await heap.collectGarbage(60_000);
 * const transfer = heap.snapshot({ idleTimeoutMs: 60_000, report: () => {} });
 * ```
 */
export function webkitHeapProtocol(conn: CdpConnection): HeapProtocol {
  return {
    name: "webkit",
    async enable(timeoutMs) {
      await conn.send("Heap.enable", {}, timeoutMs);
    },
    async collectGarbage(timeoutMs) {
      await conn.send("Heap.gc", {}, timeoutMs);
    },
    async startTrackingAllocations() {
      throw new CaptureError("NOT_SUPPORTED", conn.endpoint, NO_ALLOCATION_STACKS);
    },
    async stopTrackingAllocations() {
      throw new CaptureError("NOT_SUPPORTED", conn.endpoint, NO_ALLOCATION_STACKS);
    },
    releaseTracking() {},
    snapshot({ idleTimeoutMs, report }) {
      let failure: unknown = null;
      const reply = conn.send<{ snapshotData?: unknown }>("Heap.snapshot", {}, idleTimeoutMs).then((result) => {
        if (typeof result.snapshotData !== "string") {
          throw new CaptureError("PROTOCOL", conn.endpoint, "Heap.snapshot replied without snapshotData");
        }
        return result.snapshotData;
      });
      reply.catch((error: unknown) => {
        failure = error;
      });
      async function* chunks(): AsyncGenerator<Uint8Array> {
        const text = await reply;
        let bytes = 0;
        for (const chunk of stringChunks(text)) {
          bytes += chunk.length;
          report({ phase: "snapshot", done: 0, total: 0, bytes });
          yield chunk;
        }
      }
      const finished = reply.then(() => {});
      finished.catch(() => {});
      const transfer: SnapshotTransfer = {
        chunks: chunks(),
        finished,
        get error() {
          return failure;
        },
      };
      return transfer;
    },
  };
}
