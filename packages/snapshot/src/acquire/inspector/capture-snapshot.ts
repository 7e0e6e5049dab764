/**
 * A heap snapshot of another process, in one call.
 *
 * @module
 */
import { parseSnapshotOptions } from "../../errors/parse-snapshot-options.ts";
import type { HeapSnapshot } from "../../model/heap-snapshot.ts";
import { captureOptionsSchema, captureTargetSchema, type CaptureOptions, type CaptureTarget } from "./capture-options.ts";
import { openCaptureSession } from "./open-capture-session.ts";

/**
 * Captures a heap snapshot from another process over its inspector and returns it parsed.
 *
 * `target` is a `ws://` URL (what `node --inspect`, `deno run --inspect` and
 * `bun --inspect` print), an `http://host:port` inspector address, or
 * `{ host, port, match }`: the targets of `/json/list`, chosen by `match`
 * (`{ url, title, type }` substrings or RegExps, or a function), else the first page
 * (Chromium's `--remote-debugging-port`) or the first Node/Deno target.
 *
 * Node, Deno and Chromium speak the DevTools protocol: the target collects garbage
 * (`HeapProfiler.collectGarbage`), then `HeapProfiler.takeHeapSnapshot` sends the
 * snapshot in chunks, each streamed into the reader (and `saveTo`) as it arrives.
 * Bun speaks WebKit's protocol: `Heap.gc`, then `Heap.snapshot` returns the whole
 * snapshot, in JavaScriptCore's format, as one string.
 *
 * Fails with a {@link CaptureError}: `REFUSED`, `TIMEOUT`, `NOT_CDP`, `NO_TARGET`,
 * `TARGET_CLOSED` (the target went away mid-snapshot; `saveTo` is then not written),
 * `PROTOCOL`; bad targets or options with `SnapshotOptionsError` (`INVALID_OPTIONS`)
 * before connecting. Ids in snapshots from separate `captureSnapshot` calls are not comparable
 * (V8 renumbers after each disconnect); use {@link openCaptureSession} for a series.
 *
 * @example
 * ```ts
 * import { captureSnapshot } from "@heapgraph/snapshot";
 * // node --inspect=127.0.0.1:9229 server.js
 * const snap = await captureSnapshot({ port: 9229 }, { saveTo: "server.heapsnapshot" });
 * // chromium --remote-debugging-port=9222 …
 * const page = await captureSnapshot({ port: 9222, match: { url: "/checkout" } });
 * console.log(snap.nodeCount, page.nodeCount);
 * ```
 */
export async function captureSnapshot(target: CaptureTarget, options: CaptureOptions = {}): Promise<HeapSnapshot> {
  parseSnapshotOptions(captureTargetSchema, target, "captureSnapshot target");
  const { protocol, connectTimeoutMs, ...capture } = parseSnapshotOptions(captureOptionsSchema, options, "captureSnapshot options");
  const session = await openCaptureSession(target, { protocol, connectTimeoutMs });
  try {
    return await session.capture(capture);
  } finally {
    session.close();
  }
}
