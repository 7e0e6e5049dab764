/**
 * The contract of a live connection to another process's inspector, from which heap
 * snapshots are captured (`openCaptureSession` returns one). Keeping it open between
 * captures keeps heap ids comparable: V8 forgets the ids it assigned when the inspector
 * client that asked for them disconnects.
 *
 * @module
 */
import type { HeapSnapshot } from "../../model/heap-snapshot.ts";
import type { AllocationTrackingOptions, CollectGarbageOptions, SnapshotCaptureOptions } from "./capture-options.ts";
import type { InspectorTarget } from "./inspector-target.ts";

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
  collectGarbage(options?: CollectGarbageOptions): Promise<void>;
  /**
   * Captures one snapshot, streaming it into the reader (and `saveTo`) as it arrives.
   * Captures on one session run one after the other. After a failed capture the session is closed.
   */
  capture(options?: SnapshotCaptureOptions): Promise<HeapSnapshot>;
  /** Closes the connection. Idempotent. */
  close(): void;
  /** Whether this session turned the target's allocation tracking on (and has not turned it off). */
  readonly tracksAllocations: boolean;
  /**
   * Turns on V8's allocation tracking in the target (DevTools' "Allocation instrumentation on
   * timeline"): objects allocated from now on carry their allocation stack in this session's
   * snapshots. Start it before the workload (or open the session with `trackAllocations: true`).
   * The target pays for it: a recorded stack per allocation and, on Node, heap statistics every
   * 50 ms. Tracking ends with `stopTrackingAllocations` or when the session closes. Idempotent.
   * Bun's WebKit inspector rejects with `CaptureError` `NOT_SUPPORTED`.
   */
  startTrackingAllocations(options?: AllocationTrackingOptions): Promise<void>;
  /**
   * Turns allocation tracking off, keeping the session open. V8 answers with one heap snapshot,
   * which this session drops: it takes about as long as a capture. Closing the session stops
   * tracking without that cost. Idempotent.
   */
  stopTrackingAllocations(options?: AllocationTrackingOptions): Promise<void>;
}
