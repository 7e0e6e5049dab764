// Query results as `@heapgraph/graph` returns them, for the table and report tests.
import type { ChainStep, CompareRow, GrowthRow, LeakCluster, RetainerRow, TypeStatsRow } from "@heapgraph/graph";

export const typeRows: TypeStatsRow[] = [
  { name: "(string)", qualifiedName: "(string)", count: 8959, selfSize: 412_345, retainedSize: 412_345 },
  { name: "Array", qualifiedName: "app.mjs:3:Array", count: 2442, selfSize: 78_144, retainedSize: 1_234_567 },
  { name: "Session", qualifiedName: "Session", count: 3, selfSize: 192, retainedSize: 5_000_000 },
];

export const growthRows: GrowthRow[] = [
  { name: "wrapper_descriptor", qualifiedName: "wrapper_descriptor", count: 970, previous: 956, delta: 14, selfSize: 31_040, sizeDelta: 0 },
  { name: "tuple", qualifiedName: "tuple", count: 12282, previous: 12272, delta: 10, selfSize: 589_536, sizeDelta: 480 },
  { name: "dict", qualifiedName: "dict", count: 1922, previous: 1915, delta: 7, selfSize: 92_256, sizeDelta: -96 },
];

export const compareRows: CompareRow[] = [
  { name: "Session", qualifiedName: "Session", added: 120, removed: 20, countDelta: 100, addedSize: 7680, removedSize: 1280, sizeDelta: 6400 },
  { name: "Buffer", qualifiedName: "Buffer", added: 0, removed: 3, countDelta: -3, addedSize: 0, removedSize: 3_000_000, sizeDelta: -3_000_000 },
];

/** A chain step with the fields a test cares about; the rest plain. */
export function step(className: string, id: number, edge: { type: string; name: string } | null, more: Partial<ChainStep> = {}): ChainStep {
  return { ordinal: id, id, type: "object", name: className, className, preview: "", selfSize: 16, retainedSize: 64, edge: edge && { index: 0, ...edge }, ...more };
}

export const leakRows: LeakCluster[] = [
  {
    count: 100,
    retainedSize: 640_000,
    selfSize: 6_400,
    classes: [{ name: "Session", qualifiedName: "Session", count: 99 }, { name: "Token", qualifiedName: "Token", count: 1 }],
    headline: "100 leaked objects (99 Session, 1 Token), held by Request.lastRequest",
    holder: null,
    allocatedAt: null,
    trace: [
      step("(GC roots)", 1, null, { type: "synthetic" }),
      step("global", 5, { type: "element", name: "5" }),
      step("Request", 301, { type: "property", name: "lastRequest" }),
      step("Session", 303, { type: "internal", name: "3 / part of key (Request @301) -> value (Session @303) pair in WeakMap (table @299)" }),
    ],
    representativeId: 303,
    ids: [303],
  },
  {
    count: 1,
    retainedSize: 64,
    selfSize: 64,
    classes: [{ name: "Timer", qualifiedName: "Timer", count: 1 }],
    headline: "1 leaked Timer, held by Window.timer",
    holder: null,
    allocatedAt: null,
    trace: [step("Window", 7, null), step("Timer", 9, { type: "context", name: "timer" })],
    representativeId: 9,
    ids: [9],
  },
];

export const retainerRows: RetainerRow[] = [
  { id: 12, className: "Map", preview: "Map(1000)", selfSize: 32, retainedSize: 1_000_000, share: 0.4567, dominatedBy: [] },
  { id: 14, className: "Array", preview: "", selfSize: 16, retainedSize: 999, share: 0.0001, dominatedBy: ["Map"] },
];
