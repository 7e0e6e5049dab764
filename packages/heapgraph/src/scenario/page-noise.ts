/**
 * What a browser page's snapshots gain from being driven, whatever the page does: Blink's and
 * V8's own C++ objects (paint timing records, listener vector backings, hash tables) and the
 * performance timeline's entries each interaction adds. `heapgraph run` leaves them out of a page
 * scenario's leaks unless `--all` is given.
 *
 * @module
 */
import type { HeapNode } from "@heapgraph/graph";

/** The performance timeline's entries: every click or paint adds some, and Chromium keeps a bounded buffer. */
const TIMELINE_ENTRIES = new Set([
  "LargestContentfulPaint",
  "InteractionContentfulPaint",
  "PerformanceEventTiming",
  "PerformancePaintTiming",
  "PerformanceElementTiming",
  "PerformanceLongAnimationFrameTiming",
  "PerformanceScriptTiming",
  "LayoutShift",
  "LayoutShiftAttribution",
  "SoftNavigationEntry",
]);

/**
 * Whether `node` is the browser's own bookkeeping rather than the page's: a native object named by
 * its C++ class (`blink::…`, `cppgc::…`, `v8::…`, `std::…`) or a performance timeline entry.
 * Detached DOM nodes (`Detached <div>`) and the page's objects are not noise.
 *
 * @example
 * ```ts
 * leakReport(baseline, target, final, { filter: (node) => !isPageNoise(node) });
 * ```
 */
export function isPageNoise(node: HeapNode): boolean {
  const name = node.className;
  if (TIMELINE_ENTRIES.has(name)) return true;
  return node.type === "native" && /^(blink|cppgc|v8|std|WTF|gin|content|base)::/.test(name);
}
