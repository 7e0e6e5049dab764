/// <reference lib="dom" />
/**
 * A sortable table of the explore page: click a heading to sort by it (again to reverse), rows
 * selectable by click or Enter.
 *
 * @module
 */
import { h } from "./dom.ts";

/**
 * A column: its heading, how a row shows in it (text), and how rows sort by it.
 *
 * @example
 * ```ts
 * const column: Column<ClassRow> = { title: "Count", text: (r) => count(r.count), sort: (r) => r.count, numeric: true };
 * ```
 */
export interface Column<R> {
  readonly title: string;
  readonly text: (row: R) => string;
  readonly sort?: (row: R) => number | string;
  readonly numeric?: boolean;
  /** Extra class of the cell, e.g. to grey it out. */
  readonly cellClass?: (row: R) => string | undefined;
}

/**
 * A table over `rows` (`render` redraws it with other rows, keeping the sort), calling `onSelect`
 * when a row is clicked. Starts sorted by `initialSort` (a column index), descending for numbers.
 * At most `maxRows` rows are drawn (after sorting), then one line says how many more there are.
 *
 * @example
 * ```ts
 * const table = sortableTable(columns, (row) => showObjects(row), { label: "classes", initialSort: 3 });
 * container.append(table.element);
 * table.render(rows);
 * ```
 */
export function sortableTable<R>(
  columns: readonly Column<R>[],
  onSelect: ((row: R, tr: HTMLTableRowElement) => void) | null,
  options: { label: string; initialSort?: number; rowTestId?: (row: R) => string; maxRows?: number },
): { element: HTMLTableElement; render(rows: readonly R[]): void } {
  const table = h("table", "grid");
  table.setAttribute("aria-label", options.label);
  const head = h("thead");
  const body = h("tbody");
  table.append(head, body);
  let sortBy = options.initialSort ?? -1;
  let descending = true;
  let current: readonly R[] = [];
  const headRow = h("tr");
  columns.forEach((column, i) => {
    const th = h("th", column.numeric ? "num" : "", column.title);
    if (column.sort) {
      th.classList.add("sortable");
      th.tabIndex = 0;
      const sort = () => {
        if (sortBy === i) descending = !descending;
        else {
          sortBy = i;
          descending = column.numeric === true;
        }
        draw();
      };
      th.addEventListener("click", sort);
      th.addEventListener("keydown", (e) => e.key === "Enter" && sort());
    }
    headRow.append(th);
  });
  head.append(headRow);

  const draw = () => {
    for (const [i, th] of [...headRow.children].entries()) th.setAttribute("aria-sort", i === sortBy ? (descending ? "descending" : "ascending") : "none");
    const rows = [...current];
    const key = columns[sortBy]?.sort;
    if (key) {
      rows.sort((a, b) => {
        const x = key(a);
        const y = key(b);
        const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
        return descending ? -order : order;
      });
    }
    const fragment = document.createDocumentFragment();
    const max = options.maxRows ?? Number.POSITIVE_INFINITY;
    for (const row of rows.slice(0, max)) {
      const tr = h("tr");
      if (options.rowTestId) tr.dataset.key = options.rowTestId(row);
      for (const column of columns) {
        const td = h("td", column.numeric ? "num" : "", column.text(row));
        const extra = column.cellClass?.(row);
        if (extra) td.classList.add(extra);
        tr.append(td);
      }
      if (onSelect) {
        tr.tabIndex = 0;
        tr.classList.add("selectable");
        const select = () => {
          for (const other of body.querySelectorAll("tr.selected")) other.classList.remove("selected");
          tr.classList.add("selected");
          onSelect(row, tr);
        };
        tr.addEventListener("click", select);
        tr.addEventListener("keydown", (e) => e.key === "Enter" && select());
      }
      fragment.append(tr);
    }
    if (rows.length > max) {
      const cell = h("td", "more", `… ${(rows.length - max).toLocaleString("en-US")} more rows (sort or filter to see them)`);
      cell.colSpan = columns.length;
      fragment.append(h("tr", "", null, cell));
    }
    body.replaceChildren(fragment);
  };
  return {
    element: table,
    render(rows) {
      current = rows;
      draw();
    },
  };
}
