/// <reference lib="dom" />
/**
 * The Comparison view (two files: new, deleted and delta per class, or class counts only when
 * ids are not comparable) and the Leaks view (three files: the leak report's headlines and
 * clusters, each cluster's chain as text, its representative object selectable).
 *
 * @module
 */
import type { ComparisonView, LeakView } from "../explore-views.ts";
import { api } from "./api.ts";
import { count, h, signed, size } from "./dom.ts";
import { sortableTable } from "./table.ts";

/**
 * Fills `container` with the Comparison of the last file with the first.
 *
 * @example
 * ```ts
 * await comparisonView(section);
 * ```
 */
export async function comparisonView(container: HTMLElement): Promise<void> {
  container.replaceChildren(h("p", "loading", "comparing…"));
  const view = await api<ComparisonView>("comparison");
  const parts: Node[] = [];
  if (view.byId) {
    if (view.holders.length > 0) {
      parts.push(h("h3", "", "What grew, by holder"));
      const list = h("ol", "headlines");
      for (const line of view.holders) list.append(h("li", "", line));
      parts.push(list);
    }
    const table = sortableTable<(typeof view.rows)[number]>(
      [
        { title: "Class", text: (r) => r.name, sort: (r) => r.name },
        { title: "# New", text: (r) => count(r.added), sort: (r) => r.added, numeric: true },
        { title: "# Deleted", text: (r) => count(r.removed), sort: (r) => r.removed, numeric: true },
        { title: "# Delta", text: (r) => signed(r.countDelta), sort: (r) => r.countDelta, numeric: true },
        { title: "Alloc. size", text: (r) => size(r.addedSize), sort: (r) => r.addedSize, numeric: true },
        { title: "Freed size", text: (r) => size(r.removedSize), sort: (r) => r.removedSize, numeric: true },
        { title: "Size delta", text: (r) => signed(r.sizeDelta, size), sort: (r) => r.sizeDelta, numeric: true },
      ],
      null,
      { label: "comparison", initialSort: 6, rowTestId: (r) => r.name, maxRows: 2000 },
    );
    table.render(view.rows);
    parts.push(h("h3", "", "Classes, by heap id"), h("div", "pane", null, table.element));
  } else {
    parts.push(h("p", "notice", view.idsNotComparable));
    const table = sortableTable<(typeof view.rows)[number]>(
      [
        { title: "Class", text: (r) => r.name, sort: (r) => r.name },
        { title: "Before", text: (r) => count(r.previous), sort: (r) => r.previous, numeric: true },
        { title: "After", text: (r) => count(r.count), sort: (r) => r.count, numeric: true },
        { title: "# Delta", text: (r) => signed(r.delta), sort: (r) => r.delta, numeric: true },
        { title: "Size delta", text: (r) => signed(r.sizeDelta, size), sort: (r) => r.sizeDelta, numeric: true },
      ],
      null,
      { label: "comparison", initialSort: 3, rowTestId: (r) => r.name },
    );
    table.render(view.rows);
    parts.push(h("h3", "", "Class counts"), h("div", "pane", null, table.element));
  }
  if (view.hidden.objects > 0) parts.push(h("p", "hidden-note", `${count(view.hidden.objects)} engine-internal and heapgraph objects are not listed.`));
  container.replaceChildren(...parts);
}

/**
 * Fills `container` with the Leaks view of the three files; a click on a cluster's object calls
 * `onObject(id)` (the page shows it in the final file's Summary panel).
 *
 * @example
 * ```ts
 * await leaksView(section, (id) => selectObject(2, id));
 * ```
 */
export async function leaksView(container: HTMLElement, onObject: (id: number) => void): Promise<void> {
  container.replaceChildren(h("p", "loading", "finding leaks…"));
  const view = await api<LeakView>("leaks");
  if (!view.answerable) {
    container.replaceChildren(h("p", "notice", view.reason));
    return;
  }
  if (view.clusters.length === 0) {
    container.replaceChildren(h("p", "", "No leaks: nothing allocated between the baseline and the target is still alive in the final snapshot."));
    return;
  }
  const list = h("ol", "clusters");
  for (const cluster of view.clusters) {
    const item = h("li", "cluster");
    item.append(h("div", "headline", cluster.headline));
    item.append(
      h("div", "facts", `${count(cluster.count)} objects · retained ${size(cluster.retainedSize)} · ${cluster.classes.map((c) => `${count(c.count)} ${c.name}`).join(", ")}`),
    );
    const chain = h("ol", "chain");
    for (const step of cluster.trace) chain.append(h("li", "", `${step.edge ? `${edgeText(step.edge)} → ` : ""}${step.label ?? step.className} @${step.id}`));
    item.append(chain);
    const open = h("button", "", `show ${cluster.trace.at(-1)?.className ?? "object"} @${cluster.representativeId}`);
    open.type = "button";
    open.addEventListener("click", () => onObject(cluster.representativeId));
    item.append(open);
    list.append(item);
  }
  const parts: Node[] = [h("p", "", `${count(view.clusterCount)} clusters of leaked objects, largest first:`), list];
  if (view.hidden.clusters > 0) parts.push(h("p", "hidden-note", `${count(view.hidden.clusters)} clusters (${count(view.hidden.objects)} objects) are hidden: one-object clusters, the runtime's own, engine internals.`));
  container.replaceChildren(...parts);
}

/** An edge of a chain as heapgraph prints it: `.prop`, `[3]`, or the name. */
function edgeText(edge: { type: string; name: string }): string {
  if (edge.type === "element") return `[${edge.name}]`;
  if (edge.type === "property") return /^[A-Za-z_$][\w$]*$/.test(edge.name) ? `.${edge.name}` : `[${JSON.stringify(edge.name)}]`;
  return edge.name;
}
