/**
 * Options and targets of remote capture, validated with zod at the API edge.
 *
 * @module
 */
import { z } from "zod";
import type { InspectorAddress, InspectorTarget, TargetMatch } from "./inspector-targets.ts";

/** What a capture reports while it runs. */
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

/**
 * Where to capture from: a `ws://` URL of one target (what `node --inspect` and
 * `bun --inspect` print), an `http://host:port` inspector address, or `{ host, port }`
 * with an optional `match` to choose among the targets of `/json/list`.
 */
export type CaptureTarget = string | URL | (InspectorAddress & { match?: TargetMatch });

/** Options of a connection (`openCaptureSession`) and of `captureSnapshot`. */
export interface ConnectOptions {
  /** `auto` (default) asks for the DevTools HeapProfiler and falls back to WebKit's Heap domain (Bun). */
  protocol?: "auto" | "cdp" | "webkit";
  /** Limit for discovery, the WebSocket handshake and each short command, in ms. Default 10 000. */
  connectTimeoutMs?: number;
}

/** Options of one capture. */
export interface SnapshotCaptureOptions {
  /** Also write the snapshot here; the file appears only once complete, never after a failure. */
  saveTo?: string | URL;
  /** Called as the capture progresses; exceptions it throws are ignored. */
  onProgress?: (progress: CaptureProgress) => void;
  /** Collect garbage in the target first (default true). */
  gc?: boolean;
  /**
   * Longest silence, in ms, while the target collects garbage or builds and sends the
   * snapshot; each progress report or chunk restarts it. Default 60 000.
   */
  idleTimeoutMs?: number;
}

/** Options of `captureSnapshot`. */
export type CaptureOptions = ConnectOptions & SnapshotCaptureOptions;

const timeout = z.number().int().positive().max(2 ** 31 - 1);
const pattern = z.union([z.string(), z.instanceof(RegExp)]);
const matchSchema = z.union([
  z.custom<(target: InspectorTarget) => boolean>((v) => typeof v === "function", "a function"),
  z.strictObject({ url: pattern.optional(), title: pattern.optional(), type: z.string().optional() }),
]);

export const targetSchema = z.union([
  z.string().regex(/^(wss?|https?):\/\//, "a ws://, wss://, http:// or https:// URL"),
  z.instanceof(URL),
  z.strictObject({ host: z.string().min(1).optional(), port: z.number().int().min(1).max(65535), match: matchSchema.optional() }),
]);

const connectShape = {
  protocol: z.enum(["auto", "cdp", "webkit"]).optional(),
  connectTimeoutMs: timeout.optional(),
};
const captureShape = {
  saveTo: z.union([z.string().min(1), z.instanceof(URL)]).optional(),
  onProgress: z.custom<(progress: CaptureProgress) => void>((v) => typeof v === "function", "a function").optional(),
  gc: z.boolean().optional(),
  idleTimeoutMs: timeout.optional(),
};

export const connectSchema = z.strictObject(connectShape);
export const snapshotCaptureSchema = z.strictObject(captureShape);
export const captureSchema = z.strictObject({ ...connectShape, ...captureShape });

/** Parses `value` with `schema` or throws a `TypeError` that says what is wrong, with the ZodError as cause. */
export function validated<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new TypeError(`invalid ${what}: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  return parsed.data;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
