/**
 * `@heapgraph/snapshot`: take, capture, read and write V8 heap snapshots on Node,
 * Deno, Bun and Chrome. The only heapgraph package that touches runtime APIs.
 *
 * @module
 */
export {
  TRACE_TREE_CLOSE,
  TRACE_TREE_OPEN,
  type AllocationTraces,
  type HeapSnapshot,
  type SnapshotFormat,
  type SnapshotHeader,
  type SnapshotLocations,
  type SnapshotMeta,
} from "./internal/heap-snapshot.ts";
export { snapshotFromJson, type V8SnapshotJson } from "./internal/snapshot-from-json.ts";
// Reading and writing: streaming reader (V8 and JavaScriptCore formats), V8 writer.
export { readJscSnapshot, readSnapshot, type ReadSnapshotOptions } from "./internal/read-snapshot.ts";
export type { ReadPhase, ReadProgress } from "./internal/read-progress.ts";
export type { SnapshotSource } from "./internal/snapshot-source.ts";
export { writeSnapshot, type WriteSnapshotOptions } from "./internal/write-snapshot.ts";
export type { SnapshotSink } from "./internal/snapshot-sink.ts";
export { SnapshotFormatError, type SnapshotFormatErrorCode, type SnapshotFormatErrorDetails } from "./internal/snapshot-format-error.ts";
export { SnapshotIoError, type SnapshotIoErrorCode } from "./internal/snapshot-io-error.ts";
// Acquisition: this process, another process, live values <-> heap ids.
export { takeSnapshot, type TakeSnapshotOptions } from "./internal/take-snapshot.ts";
export { captureSnapshot } from "./internal/capture-snapshot.ts";
export { openCaptureSession, type CaptureSession } from "./internal/capture-session.ts";
export type { CaptureOptions, CaptureProgress, CaptureTarget, ConnectOptions, SnapshotCaptureOptions } from "./internal/capture-options.ts";
export { chooseTarget, listInspectorTargets, type InspectorAddress, type InspectorTarget, type TargetMatch } from "./internal/inspector-targets.ts";
export { heapIdOf, objectAt, type HeapIdOptions } from "./internal/heap-id.ts";
export { CaptureError, type CaptureErrorCode } from "./internal/capture-error.ts";
export { NotSupportedError } from "./internal/not-supported-error.ts";
export { detectRuntime, type RuntimeKind } from "./internal/runtime.ts";
export { AtomicFile } from "./internal/atomic-file.ts";
