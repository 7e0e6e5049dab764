/**
 * A Jupyter MIME bundle: the same value in several formats, keyed by MIME type. The front end
 * shows the richest one it understands. `text/plain` is always there: it is what a terminal,
 * a log or a text-only viewer shows.
 *
 * Graphs travel as `text/html` with the `<svg>` inline (see {@link svgGraph}), never as
 * `image/svg+xml`, which `jupyter nbconvert --to html` drops. Other MIME types that a
 * displayable object returns are kept and passed on to kernels that take whole bundles (Deno).
 *
 * @example
 * ```ts
 * const bundle: DisplayBundle = {
 *   "text/plain": "Foo 3",
 *   "text/html": "<table><tr><td>Foo</td><td>3</td></tr></table>",
 * };
 * ```
 */
export interface DisplayBundle {
  "text/plain": string;
  "text/html"?: string;
  "text/markdown"?: string;
  readonly [mimeType: string]: unknown;
}

/**
 * The symbol Deno's Jupyter kernel looks for: an object with a `[JUPYTER_DISPLAY]()` method
 * returning a MIME bundle is shown rich when it is a cell's last expression, with no import.
 * It is `Symbol.for("Jupyter.display")`, the same in every realm and runtime.
 *
 * @example
 * ```ts
 * const hello = { [JUPYTER_DISPLAY]: () => ({ "text/plain": "hi", "text/html": "<b>hi</b>" }) };
 * ```
 */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display");

/**
 * An object that can show itself in a notebook: it has the `[Symbol.for("Jupyter.display")]()`
 * method Deno's kernel calls, and {@link display} calls the same method under tslab.
 *
 * @example
 * ```ts
 * const shown: Displayable = html("<b>hi</b>");
 * shown[JUPYTER_DISPLAY]()["text/html"]; // "<b>hi</b>"
 * ```
 */
export interface Displayable {
  [JUPYTER_DISPLAY](): DisplayBundle;
}

/**
 * Whether `value` carries a `[Symbol.for("Jupyter.display")]` method (from this package or from
 * any other library following Deno's convention).
 *
 * @example
 * ```ts
 * isDisplayable(html("<b>hi</b>")); // true
 * isDisplayable("hi"); // false
 * ```
 */
export function isDisplayable(value: unknown): value is Displayable {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { [JUPYTER_DISPLAY]?: unknown })[JUPYTER_DISPLAY] === "function"
  );
}
