/**
 * What callers pass to remote capture, as zod schemas checked at the API edge, and the option
 * types derived from them: where the inspector is, which target, how to connect, how to capture.
 *
 * @module
 */
import { z } from "zod";
import type { InspectorTarget } from "./inspector-target.ts";

/**
 * What a capture reports while it runs.
 *
 * @example
 * ```ts
 * const onProgress = (p: CaptureProgress) => console.log(p.phase, p.total ? `${p.done}/${p.total}` : "", p.bytes, "bytes");
 * ```
 */
export interface CaptureProgress {
  /** `gc`: collecting garbage; `snapshot`: the target builds and sends the snapshot; `done`: all of it arrived. */
  phase: "gc" | "snapshot" | "done";
  /** Objects processed by V8 while building (0 when the protocol does not say). */
  done: number;
  /** Objects to process (0 when unknown). */
  total: number;
  /** Snapshot bytes received so far. */
  bytes: number;
}

const timeout = z.number().int().positive().max(2 ** 31 - 1);
const pattern = z.union([z.string(), z.instanceof(RegExp)]);
const isFunction = (v: unknown) => typeof v === "function";

/**
 * Checks an {@link InspectorAddress}.
 *
 * @example
 * ```ts
 * inspectorAddressSchema.parse({ port: 9222 }); // { port: 9222 }
 * ```
 */
export const inspectorAddressSchema = z.strictObject({
  /** Defaults to `127.0.0.1`. */
  host: z.string().min(1).optional(),
  port: z.number().int().min(1).max(65535),
});

/**
 * Where an inspector listens, for discovery: `{ host?, port }` (host defaults to `127.0.0.1`).
 *
 * @example
 * ```ts
 * const address: InspectorAddress = { port: 9222 };
 * ```
 */
export type InspectorAddress = z.input<typeof inspectorAddressSchema>;

/**
 * Checks a {@link TargetMatch}.
 *
 * @example
 * ```ts
 * targetMatchSchema.parse({ url: /checkout/ });
 * ```
 */
export const targetMatchSchema = z.union([
  z.custom<(target: InspectorTarget) => boolean>(isFunction, "expected a function"),
  z.strictObject({ url: pattern.optional(), title: pattern.optional(), type: z.string().optional() }),
]);

/**
 * Picks a target from `/json/list`. An object matches when every given field matches:
 * a string matches as a substring, a RegExp is tested. A function is called per target.
 *
 * @example
 * ```ts
 * const byUrl: TargetMatch = { url: /checkout/, type: "page" };
 * const byFunction: TargetMatch = (t) => t.title.startsWith("worker");
 * ```
 */
export type TargetMatch = z.input<typeof targetMatchSchema>;

/**
 * Checks a {@link CaptureTarget}.
 *
 * @example
 * ```ts
 * parseSnapshotOptions(captureTargetSchema, "ws://127.0.0.1:9229/3f1c", "captureSnapshot target");
 * ```
 */
export const captureTargetSchema = z.union([
  z.string().regex(/^(wss?|https?):\/\//, "expected a ws://, wss://, http:// or https:// URL"),
  z.instanceof(URL),
  inspectorAddressSchema.extend({ match: targetMatchSchema.optional() }),
]);

/**
 * Where to capture from: a `ws://` URL of one target (what `node --inspect` and
 * `bun --inspect` print), an `http://host:port` inspector address, or `{ host, port }`
 * with an optional `match` to choose among the targets of `/json/list`.
 *
 * @example
 * ```ts
 * const node: CaptureTarget = "ws://127.0.0.1:9229/3f1c…";
 * const page: CaptureTarget = { port: 9222, match: { url: "/cart" } };
 * ```
 */
export type CaptureTarget = z.input<typeof captureTargetSchema>;

/**
 * Checks {@link ListTargetsOptions}.
 *
 * @example
 * ```ts
 * parseSnapshotOptions(listTargetsOptionsSchema, { timeoutMs: 2_000 }, "listInspectorTargets options");
 * ```
 */
export const listTargetsOptionsSchema = z.strictObject({
  /** Limit for the HTTP request, in ms. Default 10 000. */
  timeoutMs: timeout.optional(),
});

/**
 * Options of `listInspectorTargets`: `timeoutMs`.
 *
 * @example
 * ```ts
 * await listInspectorTargets({ port: 9222 }, { timeoutMs: 2_000 } satisfies ListTargetsOptions);
 * ```
 */
export type ListTargetsOptions = z.input<typeof listTargetsOptionsSchema>;

const connectShape = {
  /** `auto` (default) asks for the DevTools HeapProfiler and falls back to WebKit's Heap domain (Bun). */
  protocol: z.enum(["auto", "cdp", "webkit"]).optional(),
  /** Limit for discovery, the WebSocket handshake and each short command, in ms. Default 10 000. */
  connectTimeoutMs: timeout.optional(),
};
const captureShape = {
  /** Also write the snapshot here; the file appears only once complete, never after a failure. */
  saveTo: z.union([z.string().min(1), z.instanceof(URL)]).optional(),
  /** Called as the capture progresses; exceptions it throws are ignored. */
  onProgress: z.custom<(progress: CaptureProgress) => void>(isFunction, "expected a function").optional(),
  /** Collect garbage in the target first (default true). */
  gc: z.boolean().optional(),
  /**
   * Longest silence, in ms, while the target collects garbage or builds and sends the
   * snapshot; each progress report or chunk restarts it. Default 60 000.
   */
  idleTimeoutMs: timeout.optional(),
};

/**
 * Checks {@link ConnectOptions}.
 *
 * @example
 * ```ts
 * parseSnapshotOptions(connectOptionsSchema, { protocol: "cdp" }, "openCaptureSession options");
 * ```
 */
export const connectOptionsSchema = z.strictObject({
  ...connectShape,
  /**
   * Turn the target's allocation tracking on as soon as the session opens (default false), so
   * that every snapshot of the session carries the allocation stacks of the objects allocated
   * since (see `CaptureSession.startTrackingAllocations`). Not for Bun's WebKit inspector.
   */
  trackAllocations: z.boolean().optional(),
});
/**
 * Checks {@link SnapshotCaptureOptions}.
 *
 * @example
 * ```ts
 * parseSnapshotOptions(snapshotCaptureOptionsSchema, { gc: false }, "capture options");
 * ```
 */
export const snapshotCaptureOptionsSchema = z.strictObject(captureShape);
/**
 * Checks {@link CaptureOptions}.
 *
 * @example
 * ```ts
 * parseSnapshotOptions(captureOptionsSchema, { protocol: "auto", saveTo: "a.heapsnapshot" }, "captureSnapshot options");
 * ```
 */
export const captureOptionsSchema = z.strictObject({ ...connectShape, ...captureShape });
/**
 * Checks {@link CollectGarbageOptions}.
 *
 * @example
 * ```ts
 * parseSnapshotOptions(collectGarbageOptionsSchema, { timeoutMs: 30_000 }, "collectGarbage options");
 * ```
 */
export const collectGarbageOptionsSchema = z.strictObject({
  /** Longest wait for the collection, in ms. Default 60 000. */
  timeoutMs: timeout.optional(),
});

/**
 * Checks {@link AllocationTrackingOptions}.
 *
 * @example
 * ```ts
 * parseSnapshotOptions(allocationTrackingOptionsSchema, { timeoutMs: 120_000 }, "startTrackingAllocations options");
 * ```
 */
export const allocationTrackingOptionsSchema = z.strictObject({
  /** Longest wait for the target to start or stop tracking, in ms. Default 60 000 (stopping makes V8 take a snapshot). */
  timeoutMs: timeout.optional(),
});

/**
 * Options of `session.startTrackingAllocations` and `session.stopTrackingAllocations`: `timeoutMs`.
 *
 * @example
 * ```ts
 * await session.stopTrackingAllocations({ timeoutMs: 120_000 } satisfies AllocationTrackingOptions);
 * ```
 */
export type AllocationTrackingOptions = z.input<typeof allocationTrackingOptionsSchema>;

/**
 * Options of a connection (`openCaptureSession`): `protocol`, `connectTimeoutMs`, `trackAllocations`.
 *
 * @example
 * ```ts
 * const session = await openCaptureSession(url, { protocol: "cdp", connectTimeoutMs: 5_000 } satisfies ConnectOptions);
 * ```
 */
export type ConnectOptions = z.input<typeof connectOptionsSchema>;

/**
 * Options of one capture (`session.capture`): `saveTo`, `onProgress`, `gc`, `idleTimeoutMs`.
 *
 * @example
 * ```ts
 * await session.capture({ saveTo: "after.heapsnapshot", gc: true } satisfies SnapshotCaptureOptions);
 * ```
 */
export type SnapshotCaptureOptions = z.input<typeof snapshotCaptureOptionsSchema>;

/**
 * Options of `captureSnapshot`: those of the connection and of the capture together.
 *
 * @example
 * ```ts
 * await captureSnapshot({ port: 9229 }, { saveTo: "server.heapsnapshot", idleTimeoutMs: 120_000 } satisfies CaptureOptions);
 * ```
 */
export type CaptureOptions = z.input<typeof captureOptionsSchema>;

/**
 * Options of `session.collectGarbage`: `timeoutMs`.
 *
 * @example
 * ```ts
 * await session.collectGarbage({ timeoutMs: 30_000 } satisfies CollectGarbageOptions);
 * ```
 */
export type CollectGarbageOptions = z.input<typeof collectGarbageOptionsSchema>;

/**
 * Default limit for discovery, the handshake and short commands, in ms.
 *
 * @example
 * ```ts
 * const { connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS } = options;
 * ```
 */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/**
 * Default longest silence while the target collects garbage or sends the snapshot, in ms.
 *
 * @example
 * ```ts
 * const { idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS } = options;
 * ```
 */
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
