/**
 * The contract between a capture session and an inspector protocol's heap commands: DevTools'
 * `HeapProfiler` (`cdp-heap-protocol.ts`) and WebKit's `Heap` domain
 * (`webkit-heap-protocol.ts`) both implement it, and the session talks to either through it.
 *
 * @module
 */
import type { CaptureProgress } from "./capture-options.ts";

/**
 * Snapshot bytes on their way from the target, and how the transfer ended.
 *
 * @example
 * ```ts
 * const transfer = heap.snapshot({ idleTimeoutMs: 60_000, report: () => {} });
 * for await (const chunk of transfer.chunks) file.write(chunk);
 * await transfer.finished;
 * ```
 */
export interface SnapshotTransfer {
  readonly chunks: AsyncIterable<Uint8Array>;
  /** Settles when the target has sent everything (or failed). */
  readonly finished: Promise<void>;
  /** The transport's error once it failed, else null. */
  readonly error: unknown;
}

/**
 * The heap commands of one inspector protocol (DevTools' HeapProfiler or WebKit's Heap).
 *
 * @example
 * ```ts
 * const heap: HeapProtocol = cdpHeapProtocol(conn);
 * await heap.enable(10_000);
 * await heap.collectGarbage(60_000);
 * const transfer = heap.snapshot({ idleTimeoutMs: 60_000, report: console.log });
 * ```
 */
export interface HeapProtocol {
  readonly name: "cdp" | "webkit";
  enable(timeoutMs: number): Promise<void>;
  collectGarbage(timeoutMs: number): Promise<void>;
  snapshot(options: { idleTimeoutMs: number; report: (progress: CaptureProgress) => void }): SnapshotTransfer;
  /** Turns the target's allocation tracking on; WebKit's protocol rejects with `CaptureError` `NOT_SUPPORTED`. */
  startTrackingAllocations(timeoutMs: number): Promise<void>;
  /** Turns it off (V8 answers with a snapshot, sent as events nobody listens to). */
  stopTrackingAllocations(timeoutMs: number): Promise<void>;
  /**
   * For a session closing while tracking (V8 stops tracking when its client disconnects): undoes,
   * without waiting, what starting changed besides tracking (a Node target's compaction).
   */
  releaseTracking(): void;
}
