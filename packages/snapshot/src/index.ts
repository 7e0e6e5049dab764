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
