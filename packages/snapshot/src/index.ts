/**
 * `@heapgraph/snapshot`: take, capture, read and write V8 heap snapshots on Node,
 * Deno, Bun and Chrome. The only heapgraph package that touches runtime APIs.
 *
 * The folders follow the data flow: `acquire/` (this process through a runtime adapter,
 * another process through its inspector) and `read/` (V8 and JavaScriptCore JSON) produce
 * the columnar `model/`, which `write/` turns back into V8 JSON; `errors/` holds the error
 * base of every heapgraph package and the one option check.
 *
 * @module
 */
// The model: a snapshot in columns.
export {
  TRACE_TREE_CLOSE,
  TRACE_TREE_OPEN,
  type AllocationTraces,
  type HeapSnapshot,
  type SnapshotFormat,
  type SnapshotHeader,
  type SnapshotLocations,
  type SnapshotMeta,
} from "./model/heap-snapshot.ts";
// Reading: streaming reader (V8 and JavaScriptCore formats).
export { readJscSnapshot, readSnapshot, type ReadSnapshotOptions } from "./read/read-snapshot.ts";
export { snapshotFromJson, type SnapshotFromJsonOptions, type V8SnapshotJson } from "./read/snapshot-from-json.ts";
export type { ReadWarning, ReadWarningCode, ReadWarningListener } from "./read/read-warning.ts";
export type { ReadPhase, ReadProgress } from "./read/read-progress.ts";
export type { SnapshotSource } from "./read/snapshot-source.ts";
export { SnapshotFormatError, type SnapshotFormatErrorCode, type SnapshotFormatErrorDetails } from "./read/snapshot-format-error.ts";
// Reading on two threads: the worker's job (the caller runs it on a worker it creates).
export {
  PARALLEL_PARSE_MIN_BYTES,
  type EdgeSectionJob,
  type EdgeSectionResult,
  type ParseWorkers,
  type SnapshotFormatErrorData,
} from "./read/parallel/parse-workers.ts";
export { runEdgeSectionJob } from "./read/parallel/edge-section-job.ts";
// The index cache: an analysed graph's image (from @heapgraph/graph) in one binary file per snapshot.
export type { ImageArray, ImageSection, IndexImage } from "./cache/index-image.ts";
export {
  decodeIndexCache,
  INDEX_CACHE_FORMAT,
  readIndexCache,
  writeIndexCache,
  type IndexCacheKey,
  type IndexCacheOptions,
  type IndexCacheProgress,
  type IndexCacheRead,
} from "./cache/index-cache-file.ts";
export { snapshotFingerprint, type SnapshotFingerprint } from "./cache/snapshot-fingerprint.ts";
export {
  clearIndexCaches,
  DEFAULT_CACHE_MAX_BYTES,
  ensureIndexCacheDir,
  INDEX_CACHE_SUFFIX,
  indexCacheDir,
  indexCacheInfo,
  indexCachePath,
  pruneIndexCaches,
  touchIndexCache,
  type IndexCacheEntry,
} from "./cache/cache-directory.ts";
// Writing: the V8 writer and its sinks.
export { writeSnapshot, type WriteSnapshotOptions } from "./write/write-snapshot.ts";
export type { SnapshotSink } from "./write/snapshot-sink.ts";
export { AtomicFile } from "./write/atomic-file.ts";
// Acquisition from this process: take a snapshot, live values <-> heap ids, through the runtime's adapter.
export { takeSnapshot, type TakeSnapshotOptions } from "./acquire/runtime/take-snapshot.ts";
export { heapIdOf, objectAt, type HeapIdOptions } from "./acquire/runtime/heap-id.ts";
export { detectRuntime, type RuntimeKind } from "./acquire/runtime/detect-runtime.ts";
export { NotSupportedError } from "./acquire/runtime/not-supported-error.ts";
export { trackAllocations, type AllocationTracking, type TrackAllocationsOptions } from "./acquire/runtime/track-allocations.ts";
// Acquisition from another process, over its inspector.
export { captureSnapshot } from "./acquire/inspector/capture-snapshot.ts";
export { openCaptureSession } from "./acquire/inspector/open-capture-session.ts";
export type { CaptureSession } from "./acquire/inspector/capture-session.ts";
export type {
  AllocationTrackingOptions,
  CaptureOptions,
  CaptureProgress,
  CaptureTarget,
  CollectGarbageOptions,
  ConnectOptions,
  InspectorAddress,
  ListTargetsOptions,
  SnapshotCaptureOptions,
  TargetMatch,
} from "./acquire/inspector/capture-options.ts";
export type { InspectorTarget } from "./acquire/inspector/inspector-target.ts";
export { chooseTarget, listInspectorTargets } from "./acquire/inspector/inspector-targets.ts";
export { CaptureError, type CaptureErrorCode } from "./acquire/inspector/capture-error.ts";
export { ProtocolReplyError } from "./acquire/inspector/protocol-reply-error.ts";
// Errors: the base of every heapgraph error, the zod helper that makes typed option errors,
// and the errors shared by reading and writing.
export { HeapgraphError } from "./errors/heapgraph-error.ts";
export { describeZodError, parseOptions } from "./errors/parse-options.ts";
export { SnapshotIoError, type SnapshotIoErrorCode } from "./errors/snapshot-io-error.ts";
export { SnapshotOptionsError, type SnapshotOptionsErrorCode } from "./errors/snapshot-options-error.ts";
