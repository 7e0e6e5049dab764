/**
 * The contract of a live connection to another process's inspector, from which heap
 * snapshots are captured (`openCaptureSession` returns one). Keeping it open between
 * captures keeps heap ids comparable: V8 forgets the ids it assigned when the inspector
 * client that asked for them disconnects.
 *
 * @module
 */
import type { HeapSnapshot } from "../../model/heap-snapshot.ts";
import type { CollectGarbageOptions, SnapshotCaptureOptions } from "./capture-options.ts";
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
}
