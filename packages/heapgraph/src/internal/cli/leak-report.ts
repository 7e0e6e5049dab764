/**
 * Leak clusters (memlab's three-snapshot method) as the command shows them: a compact text
 * table, JSON, the top cluster's chain, and a self-contained HTML report with the chain graph.
 *
 * @module
 */
import { chainSelection, type ChainStep, type HeapGraph, type LeakCluster } from "@heapgraph/graph";
import { edgeLabel, formatCount, formatSize, leaksTable, printable, renderSvg, toDot, toHtmlReport, type ReportPart, type Table } from "@heapgraph/render";
import { chainText, stepJson } from "./chain-json.ts";

/**
 * A cluster in `--json` output.
 *
 * @example
 * ```ts
 * const clusters = findLeaks(baseline, target, final).map(clusterJson);
 * ```
 */
export function clusterJson(cluster: LeakCluster) {
  return {
    count: cluster.count,
    retainedSize: cluster.retainedSize,
    selfSize: cluster.selfSize,
    classes: cluster.classes.map((c) => ({ name: c.name, qualifiedName: c.qualifiedName, count: c.count })),
    representativeId: cluster.representativeId,
    ids: cluster.ids,
    trace: cluster.trace.map(stepJson),
  };
}

/**
 * The clusters as a terminal-width table: size, leaked classes, and what holds them (the last
 * two steps of the representative's trace).
 *
 * @example
 * ```ts
 * io.out(tableToText(leaksSummaryTable(clusters)));
 * ```
 */
export function leaksSummaryTable(clusters: readonly LeakCluster[], limit = 10): Table {
  const shown = clusters.slice(0, limit);
  return {
    title: `Leak clusters: ${formatCount(clusters.length)}, largest first`,
    columns: [
      { header: "#", align: "right" },
      { header: "Objects", align: "right" },
      { header: "Retained size", align: "right" },
      { header: "Leaked", align: "left" },
      { header: "Held by", align: "left" },
    ],
    rows: shown.map((c, i) => [
      String(i + 1),
      formatCount(c.count),
      formatSize(c.retainedSize),
      printable(c.classes.slice(0, 3).map((k) => `${k.name} ×${formatCount(k.count)}`).join(", ") + (c.classes.length > 3 ? ", …" : ""), 60),
      heldBy(c),
    ]),
    ...(clusters.length > shown.length ? { note: `… and ${clusters.length - shown.length} more (--limit)` } : {}),
  };
}

/**
 * The top cluster's retaining chain as text, with a heading line.
 *
 * @example
 * ```ts
 * io.out(topChainText(clusters[0]));
 * ```
 */
export function topChainText(cluster: LeakCluster): string {
  const leaked = cluster.trace.at(-1)!;
  return `Retaining chain of the largest cluster's biggest object, ${leaked.className} @${leaked.id} (root first):\n${chainText(cluster.trace)}`;
}

/**
 * The graph (SVG) of a retaining chain in `final`, root first, e.g. a cluster's `trace`.
 *
 * @example
 * ```ts
 * const svg = await chainSvg(final, clusters[0].trace);
 * ```
 */
export async function chainSvg(final: HeapGraph, steps: readonly ChainStep[]): Promise<string> {
  const nodes = steps.map((s) => final.node(s.ordinal));
  const leaked = steps.at(-1)!;
  return renderSvg(toDot(chainSelection(final, nodes), { title: `Why ${leaked.className} @${leaked.id} is alive` }));
}

/**
 * What goes into a leak report besides the clusters.
 *
 * @example
 * ```ts
 * const input: LeakReportInput = { title: "Leaks", intro: "Three snapshots of app.js.", clusters };
 * ```
 */
export interface LeakReportInput {
  readonly title: string;
  /** Paragraphs before the findings: how the snapshots were made. */
  readonly intro: string;
  readonly clusters: readonly LeakCluster[];
  /** The retaining chain to explain (default: the top cluster's trace), with its SVG when drawn. */
  readonly chain?: { readonly steps: readonly ChainStep[]; readonly svg?: string; readonly text: string };
  /** More tables after the clusters (growth, comparison). */
  readonly tables?: readonly Table[];
}

/**
 * A self-contained HTML page: the intro, the cluster table, a retaining chain as text and as
 * an inline SVG graph, and any extra tables.
 *
 * @example
 * ```ts
 * const html = leakReportHtml({ title: "Leaks", intro: "…", clusters, chain: { steps, svg, text: "Why it is alive" } });
 * ```
 */
export function leakReportHtml(input: LeakReportInput): string {
  const parts: ReportPart[] = [{ type: "paragraph", text: input.intro }];
  const [top] = input.clusters;
  if (!top) {
    parts.push({ type: "paragraph", text: "No leak: no object allocated between the baseline and the target is still alive in the final snapshot." });
  } else {
    const steps = input.chain?.steps ?? top.trace;
    const leaked = steps.at(-1)!;
    parts.push(
      { type: "heading", text: "Leak clusters" },
      { type: "table", table: leaksTable(input.clusters, { limit: 10, title: "Objects allocated during the action and still alive after it, grouped by retainer trace" }) },
      { type: "heading", text: `Top cluster: ${formatCount(top.count)} objects, ${formatSize(top.retainedSize)} retained` },
      { type: "paragraph", text: input.chain?.text ?? `The biggest object of the cluster is ${leaked.className} @${leaked.id}.` },
      { type: "paragraph", text: "This chain of references, from a GC root, keeps it alive; break any link to free it." },
      { type: "text", text: chainText(steps, "") },
    );
    if (input.chain?.svg) parts.push({ type: "graph", svg: input.chain.svg, caption: `The retaining chain of ${leaked.className} @${leaked.id}; edges point from holder to held.` });
  }
  for (const table of input.tables ?? []) parts.push({ type: "table", table });
  return toHtmlReport({ title: input.title, parts });
}

function heldBy(cluster: LeakCluster): string {
  const trace = cluster.trace;
  if (trace.length < 2) return "";
  const leaked = trace.at(-1)!;
  const holder = trace.at(-2)!;
  const label = leaked.edge ? edgeLabel(leaked.edge.type, leaked.edge.name, holder.id) : "?";
  return printable(`${holder.className}${label.startsWith(".") || label.startsWith("[") ? label : ` -${label}->`}`, 60);
}
