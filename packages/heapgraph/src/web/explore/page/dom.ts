/// <reference lib="dom" />
/**
 * Small DOM helpers of the explore page. Heap strings reach the page only as text
 * (`textContent`): never as HTML, never in an attribute that runs or loads anything.
 *
 * @module
 */

/**
 * A new element with class names and text (set as `textContent`), and children.
 *
 * @example
 * ```ts
 * const cell = h("td", "num", "1,234");
 * ```
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string | null, ...children: Node[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined && text !== null) element.textContent = text;
  for (const child of children) element.append(child);
  return element;
}

/**
 * A byte count as DevTools shows it: `812 B`, `12.3 kB`, `4.5 MB`.
 *
 * @example
 * ```ts
 * size(12_345); // "12.3 kB"
 * ```
 */
export function size(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

/**
 * A whole number with thousands separators.
 *
 * @example
 * ```ts
 * count(12345); // "12,345"
 * ```
 */
export function count(n: number): string {
  return n.toLocaleString("en-US");
}

/**
 * A signed number: `+3`, `−2`, `0`.
 *
 * @example
 * ```ts
 * signed(-2); // "−2"
 * ```
 */
export function signed(n: number, format: (n: number) => string = count): string {
  return n > 0 ? `+${format(n)}` : n < 0 ? `−${format(-n)}` : "0";
}

/**
 * A distance from the roots as the page shows it: the number, `—` when unreachable, and
 * `system + N` for what only V8's own roots reach (DevTools' "system" distances).
 *
 * @example
 * ```ts
 * distance(100_000_003); // "system + 3"
 * ```
 */
export function distance(d: number | null): string {
  if (d === null) return "—";
  return d >= 100_000_000 ? `system + ${d - 100_000_000}` : String(d);
}
