/// <reference lib="dom" />
/**
 * The selected object's panel: a header line, its Retainers tree (DevTools' convention: one row
 * per retaining edge, `edge in Class @id`, a triangle to expand the holder's own retainers, the
 * rows that do not retain greyed), and the interactive reference graph with the chain from the
 * root highlighted (render's widget; a click on a node adds its references or referrers through
 * `/api/refs` and `/api/backrefs`, at most `tooMany` at a time).
 *
 * @module
 */
import type { HeapgraphGraphApi, InteractiveGraphData, InteractiveNode, MountedGraph } from "@heapgraph/render";
import type { ObjectRow, RetainerEdgeRow } from "../explore-rows.ts";
import { api } from "./api.ts";
import { count, distance, h, size } from "./dom.ts";

/** Retainer rows one expansion fetches. */
const RETAINERS = 100;
/** How deep the tree may be expanded (DevTools stops nowhere; a bound keeps the page light). */
const MAX_DEPTH = 30;

/**
 * The panel for one object of file `file`: fills `container` and returns when the header and the
 * first level of retainers are shown (the graph draws when its data arrives).
 *
 * @example
 * ```ts
 * await showObject(panel, 0, 1234, 10);
 * ```
 */
export async function showObject(container: HTMLElement, file: number, id: number, tooMany: number): Promise<void> {
  const header = h("h2", "object-title", "…");
  const tree = h("div", "retainers");
  tree.setAttribute("role", "tree");
  tree.setAttribute("aria-label", "retainers");
  const graphBox = h("div", "graph");
  const status = h("p", "graph-status", "drawing the graph…");
  container.replaceChildren(
    header,
    h("div", "object-panes", null, h("section", "pane", null, h("h3", "", "Retainers"), treeHead(), tree), h("section", "pane graph-pane", null, h("h3", "", "Graph"), status, graphBox)),
  );
  const [object] = await Promise.all([api<ObjectRow>("object", { file, id }), expandInto(tree, file, id, 0)]);
  header.textContent = `${object.className} @${object.id}`;
  header.append(h("span", "object-facts", ` ${object.type} · self ${size(object.selfSize)} · retained ${size(object.retainedSize)} · distance ${distance(object.distance)}`));
  if (object.preview) header.append(h("div", "preview", object.preview));
  void drawGraph(graphBox, status, file, id, tooMany);
}

/** The column headings of the retainers tree. */
function treeHead(): HTMLElement {
  return h("div", "tree-row tree-head", null, h("span", "label", "Object"), h("span", "num", "Distance"), h("span", "num", "Shallow"), h("span", "num", "Retained"));
}

/** Adds the retainers of `id` below `parent` (the tree, or an expanded row's children list). */
async function expandInto(parent: HTMLElement, file: number, id: number, depth: number): Promise<void> {
  const { total, retainers } = await api<{ total: number; retainers: RetainerEdgeRow[] }>("retainers", { file, id, limit: RETAINERS });
  const list = h("ul", "tree-level");
  list.setAttribute("role", "group");
  if (retainers.length === 0) list.append(h("li", "tree-empty", depth === 0 ? "nothing holds this object" : "no retainers"));
  for (const row of retainers) list.append(retainerItem(row, file, depth));
  if (total > retainers.length) list.append(h("li", "tree-more", `… and ${count(total - retainers.length)} more retainers`));
  parent.append(list);
}

function retainerItem(row: RetainerEdgeRow, file: number, depth: number): HTMLLIElement {
  const item = h("li", row.retains ? "tree-item" : "tree-item weak");
  item.setAttribute("role", "treeitem");
  item.setAttribute("aria-expanded", "false");
  item.dataset.id = String(row.holder.id);
  const toggle = h("button", "twisty", "▸");
  toggle.type = "button";
  toggle.setAttribute("aria-label", "expand");
  const line = h(
    "div",
    "tree-row",
    null,
    toggle,
    h("span", "label", null, h("span", "edge", row.edge), h("span", "in", " in "), h("span", "class", row.holder.className), h("span", "id", ` @${row.holder.id}`)),
    h("span", "num", distance(row.holder.distance)),
    h("span", "num", size(row.holder.selfSize)),
    h("span", "num", size(row.holder.retainedSize)),
  );
  if (row.holder.preview) line.title = row.holder.preview;
  if (!row.retains) line.querySelector(".label")!.append(h("span", "note", " (does not retain)"));
  let loaded = false;
  const flip = async () => {
    const open = item.getAttribute("aria-expanded") !== "true";
    item.setAttribute("aria-expanded", String(open));
    toggle.textContent = open ? "▾" : "▸";
    if (open && !loaded) {
      loaded = true;
      if (depth + 1 >= MAX_DEPTH) item.append(h("ul", "tree-level", null, h("li", "tree-more", "(deeper levels: select that object)")));
      else await expandInto(item, file, row.holder.id, depth + 1);
    }
    item.classList.toggle("collapsed", !open);
  };
  toggle.addEventListener("click", () => void flip().catch(showTreeError(item)));
  line.addEventListener("dblclick", () => void flip().catch(showTreeError(item)));
  item.append(line);
  return item;
}

function showTreeError(item: HTMLElement) {
  return (error: unknown) => item.append(h("div", "error", `could not load: ${error instanceof Error ? error.message : String(error)}`));
}

let mounted: MountedGraph | undefined;

async function drawGraph(box: HTMLElement, status: HTMLElement, file: number, id: number, tooMany: number): Promise<void> {
  const widget = (window as { heapgraphGraph?: HeapgraphGraphApi<HTMLElement> }).heapgraphGraph;
  if (!widget) {
    status.textContent = "the graph widget did not load";
    return;
  }
  try {
    const data = await api<InteractiveGraphData>("graph", { file, id });
    mounted?.destroy();
    mounted = widget.mount(box, data, {
      tooMany,
      expand: (nodeId, direction) => api<InteractiveGraphData>(direction, { file, id: nodeId, tooMany }),
      onSelect: (node: InteractiveNode) => {
        status.textContent = `${node.label.split("\n")[0]} — self ${size(node.selfSize)}, retained ${size(node.retainedSize)}`;
      },
    });
    status.textContent = `${data.title ?? "graph"}: the chain from the root is highlighted; drag to pan, scroll to zoom`;
  } catch (error) {
    status.textContent = `could not draw the graph: ${error instanceof Error ? error.message : String(error)}`;
  }
}
