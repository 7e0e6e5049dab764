/// <reference lib="dom" />
/**
 * The Summary view: every class of a file (count, shallow and retained size; sortable; a filter
 * box), the selected class's objects (paged, largest retained first), and the selected object's
 * panel (object-view.ts).
 *
 * @module
 */
import type { ClassRow, ObjectRow } from "../explore-rows.ts";
import { api } from "./api.ts";
import { count, distance, h, size } from "./dom.ts";
import { showObject } from "./object-view.ts";
import { sortableTable } from "./table.ts";

/** Objects per page of a class's list. */
const PAGE = 50;

/**
 * Fills `container` with the Summary view of file `file`.
 *
 * @example
 * ```ts
 * await summaryView(section, 0, 10);
 * ```
 */
export async function summaryView(container: HTMLElement, file: number, tooMany: number): Promise<void> {
  const filter = h("input", "filter");
  filter.type = "search";
  filter.placeholder = "Class filter";
  filter.setAttribute("aria-label", "class filter");
  const shown = h("span", "shown");
  const objects = h("div", "objects");
  const detail = h("div", "detail");
  const classes = sortableTable<ClassRow>(
    [
      { title: "Class", text: (r) => r.name, sort: (r) => r.name },
      { title: "Distance", text: (r) => distance(r.distance), sort: (r) => r.distance ?? Number.MAX_SAFE_INTEGER, numeric: true },
      { title: "Count", text: (r) => count(r.count), sort: (r) => r.count, numeric: true },
      { title: "Shallow size", text: (r) => size(r.selfSize), sort: (r) => r.selfSize, numeric: true },
      { title: "Retained size", text: (r) => size(r.retainedSize), sort: (r) => r.retainedSize, numeric: true },
    ],
    (row) => void showClass(objects, detail, file, row, 0, tooMany),
    { label: "classes", initialSort: 4, rowTestId: (r) => r.name, maxRows: 2000 },
  );
  container.replaceChildren(
    h("div", "toolbar", null, filter, shown),
    h("div", "summary-panes", null, h("div", "pane classes-pane", null, classes.element), objects),
    detail,
  );
  const rows = await api<ClassRow[]>("classes", { file });
  const apply = () => {
    const text = filter.value.trim().toLowerCase();
    const kept = text ? rows.filter((r) => r.name.toLowerCase().includes(text) || r.qualifiedName.toLowerCase().includes(text)) : rows;
    classes.render(kept);
    shown.textContent = `${count(kept.length)} of ${count(rows.length)} classes`;
  };
  filter.addEventListener("input", apply);
  apply();
}

async function showClass(container: HTMLElement, detail: HTMLElement, file: number, row: ClassRow, offset: number, tooMany: number): Promise<void> {
  container.replaceChildren(h("p", "loading", `loading ${row.name}…`));
  const page = await api<{ total: number; objects: ObjectRow[] }>("objects", { file, class: row.index, offset, limit: PAGE });
  const table = sortableTable<ObjectRow>(
    [
      { title: "Object", text: (o) => `${o.className} @${o.id}` },
      { title: "Preview", text: (o) => o.preview, cellClass: () => "preview" },
      { title: "Distance", text: (o) => distance(o.distance), sort: (o) => o.distance ?? Number.MAX_SAFE_INTEGER, numeric: true },
      { title: "Shallow size", text: (o) => size(o.selfSize), sort: (o) => o.selfSize, numeric: true },
      { title: "Retained size", text: (o) => size(o.retainedSize), sort: (o) => o.retainedSize, numeric: true },
    ],
    (o) => void showObject(detail, file, o.id, tooMany).catch((error: unknown) => detail.replaceChildren(h("p", "error", String(error instanceof Error ? error.message : error)))),
    { label: "objects", rowTestId: (o) => String(o.id) },
  );
  table.render(page.objects);
  const pager = h("div", "pager");
  const last = Math.min(offset + PAGE, page.total);
  pager.append(h("span", "", `${row.name}: objects ${count(offset + 1)}–${count(last)} of ${count(page.total)}`));
  if (offset > 0) pager.append(button("‹ previous", () => void showClass(container, detail, file, row, Math.max(0, offset - PAGE), tooMany)));
  if (last < page.total) pager.append(button("next ›", () => void showClass(container, detail, file, row, offset + PAGE, tooMany)));
  container.replaceChildren(pager, h("div", "pane objects-pane", null, table.element));
}

function button(text: string, onClick: () => void): HTMLButtonElement {
  const b = h("button", "", text);
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
}
