/**
 * The Comparison (two files) and Leaks (three files) views of `heapgraph explore`, from the same
 * queries as `heapgraph compare` and `heapgraph leaks`. When heap ids do not identify objects
 * across the files (Bun, or snapshots over two connections: `IDS_NOT_STABLE`), the comparison
 * falls back to class counts and says so, and the leak view says why it has no answer.
 *
 * @module
 */
import { compare, growingHolders, growth, holderHeadline, leakReport, QueryError, type HeapGraph } from "@heapgraph/graph";
import { clusterJson, hiddenJson } from "../../json/leak-report.ts";

/**
 * The Comparison view's data: by heap id (DevTools' new / deleted / delta per class) when ids are
 * comparable, else class counts only with `idsNotComparable` saying why.
 *
 * @example
 * ```ts
 * const view = comparisonView(before, after, ["a.heapsnapshot", "b.heapsnapshot"]);
 * if (view.byId) console.log(view.rows[0].added);
 * ```
 */
export type ComparisonView =
  | {
      readonly byId: true;
      readonly holders: readonly string[];
      readonly rows: readonly { name: string; qualifiedName: string; added: number; removed: number; countDelta: number; addedSize: number; removedSize: number; sizeDelta: number }[];
      readonly hidden: { classes: number; objects: number };
    }
  | {
      readonly byId: false;
      readonly idsNotComparable: string;
      readonly rows: readonly { name: string; qualifiedName: string; count: number; previous: number; delta: number; sizeDelta: number }[];
      readonly hidden: { classes: number; objects: number };
    };

/**
 * The Leaks view's data: the leak report's clusters (headline, holder, classes, chain), or why
 * there is none.
 *
 * @example
 * ```ts
 * const view = leakView(baseline, target, final, names);
 * if (view.answerable) console.log(view.clusters[0]?.headline);
 * ```
 */
export type LeakView =
  | { readonly answerable: true; readonly clusterCount: number; readonly clusters: readonly ReturnType<typeof clusterJson>[]; readonly hidden: ReturnType<typeof hiddenJson> }
  | { readonly answerable: false; readonly reason: string };

/** How many classes, holders and clusters the views send at most. */
const ROWS = 200;
const HOLDERS = 5;
const CLUSTERS = 20;
/** Ids listed per cluster (the page shows the representative and a few more). */
const CLUSTER_IDS = 50;

/**
 * The Comparison view of `before` and `after` (`files`: their names, for the message).
 *
 * @example
 * ```ts
 * const view = comparisonView(before, after, ["before.heapsnapshot", "after.heapsnapshot"]);
 * ```
 */
export function comparisonView(before: HeapGraph, after: HeapGraph, files: readonly string[]): ComparisonView {
  try {
    const rows = compare(before, after);
    const holders = growingHolders(before, after, { limit: HOLDERS }).map(holderHeadline);
    return { byId: true, holders, rows: rows.slice(0, ROWS).map((r) => ({ ...pick(r) })), hidden: { classes: rows.hidden.classes, objects: rows.hidden.objects } };
  } catch (error) {
    if (!(error instanceof QueryError) || error.code !== "IDS_NOT_STABLE") throw error;
    const rows = growth(before, after, { limit: ROWS });
    return {
      byId: false,
      idsNotComparable: `${files.join(", ")}: heap ids do not identify objects across these snapshots, so objects cannot be matched; these are class counts only. (${error.message})`,
      rows: rows.map((r) => ({ name: r.name, qualifiedName: r.qualifiedName, count: r.count, previous: r.previous, delta: r.delta, sizeDelta: r.sizeDelta })),
      hidden: { classes: rows.hidden.classes, objects: rows.hidden.objects },
    };
  }
}

/**
 * The Leaks view of a three-snapshot run (memlab's baseline, target, final).
 *
 * @example
 * ```ts
 * const view = leakView(baseline, target, final, files);
 * ```
 */
export function leakView(baseline: HeapGraph, target: HeapGraph, final: HeapGraph, files: readonly string[]): LeakView {
  try {
    const report = leakReport(baseline, target, final);
    return {
      answerable: true,
      clusterCount: report.clusters.length,
      clusters: report.clusters.slice(0, CLUSTERS).map((c) => {
        const json = clusterJson(c);
        return { ...json, ids: json.ids.slice(0, CLUSTER_IDS) };
      }),
      hidden: hiddenJson(report.hidden),
    };
  } catch (error) {
    if (!(error instanceof QueryError) || error.code !== "IDS_NOT_STABLE") throw error;
    return { answerable: false, reason: `${files.join(", ")}: heap ids do not identify objects across these snapshots, so leaked objects cannot be found. (${error.message})` };
  }
}

function pick(r: { name: string; qualifiedName: string; added: number; removed: number; countDelta: number; addedSize: number; removedSize: number; sizeDelta: number }) {
  return { name: r.name, qualifiedName: r.qualifiedName, added: r.added, removed: r.removed, countDelta: r.countDelta, addedSize: r.addedSize, removedSize: r.removedSize, sizeDelta: r.sizeDelta };
}
