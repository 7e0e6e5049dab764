import type { LeakCluster, LeakHidden } from "@heapgraph/graph";
import { countNoun } from "../text/count-noun.ts";
import { formatCount } from "../text/format-count.ts";
import { formatSize } from "../text/format-size.ts";
import { printable } from "../text/printable-text.ts";

/** Longest headline printed before it is cut (the location at its end survives the cut). */
const HEADLINE_WIDTH = 240;

/**
 * The answer first: one numbered line per leak cluster, its headline (the growing holder, its
 * growth and what it holds; see `LeakCluster.headline`) and its size, then one line saying what
 * was hidden and how to see it. What `heapgraph leaks` prints before its tables.
 *
 * @example
 * ```ts
 * const { clusters, hidden } = leakReport(baseline, target, final);
 * console.log(leakHeadlinesText(clusters, hidden, { showHidden: "--all" }));
 * // Leaks, largest first:
 * //   1. Array createDebug.instances grew 20 → 220 → 420 elements, holding 400 leaked Function  [400 objects, 89 kB]
 * // (hid 2 single-object clusters, 35 heapgraph objects — --all shows them)
 * ```
 */
export function leakHeadlinesText(
  clusters: readonly LeakCluster[],
  hidden?: LeakHidden,
  options: { readonly limit?: number; readonly showHidden?: string } = {},
): string {
  const limit = options.limit ?? 10;
  const lines: string[] = [];
  if (clusters.length === 0) lines.push("No leaks found.");
  else {
    lines.push(clusters.length > 1 ? "Leaks, largest first:" : "Leak:");
    clusters.slice(0, limit).forEach((c, i) => {
      lines.push(`  ${i + 1}. ${printable(c.headline, HEADLINE_WIDTH)}  [${countNoun(c.count, "object")}, ${formatSize(c.retainedSize)}]`);
    });
    if (clusters.length > limit) lines.push(`  … and ${formatCount(clusters.length - limit)} more`);
  }
  const parts = Object.entries(hidden?.reasons ?? {})
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => (reason === "single object" ? countNoun(n, "single-object cluster") : `${countNoun(n, `${reason.replace(/^noise: /, "")} object`)}`));
  if (parts.length > 0) {
    const how = options.showHidden ? ` — ${options.showHidden} shows them` : "";
    lines.push(`(hid ${parts.join(", ")}${how})`);
  }
  return `${lines.join("\n")}\n`;
}
