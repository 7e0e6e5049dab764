import { type DisplayBundle, isDisplayable, JUPYTER_DISPLAY } from "./display-bundle.ts";
import { htmlToText } from "../markup/html-to-text.ts";
import { NotebookError } from "../errors/notebook-error.ts";
import { svgHtml } from "../markup/svg-html.ts";

/**
 * The MIME bundle that shows `value`, as {@link display} sends it to the kernel:
 *
 * - an object with a `[Symbol.for("Jupyter.display")]()` method (a result object, or what
 *   {@link html}, {@link markdown}, {@link svgGraph} return): that method's bundle, completed
 *   with a `text/plain` derived from its Markdown or HTML when it has none, and with inline
 *   `text/html` when it only has `image/svg+xml` (which `nbconvert --to html` would drop);
 * - a string: `text/plain` as it is (wrap HTML in {@link html} to show it as HTML);
 * - anything else: `text/plain` of its JSON, or `String(value)` when it has none.
 *
 * @example
 * ```ts
 * toDisplayBundle(html("<b>hi</b>")); // { "text/html": "<b>hi</b>", "text/plain": "hi" }
 * toDisplayBundle("3 objects"); // { "text/plain": "3 objects" }
 * ```
 */
export function toDisplayBundle(value: unknown): DisplayBundle {
  if (isDisplayable(value)) return complete(shown(value));
  if (typeof value === "string") return { "text/plain": value };
  return { "text/plain": plainText(value) };
}

function shown(value: { [JUPYTER_DISPLAY](): unknown }): Record<string, unknown> {
  let bundle: unknown;
  try {
    bundle = value[JUPYTER_DISPLAY]();
  } catch (error) {
    if (error instanceof NotebookError) throw error;
    throw new NotebookError("BAD_BUNDLE", `[Symbol.for("Jupyter.display")]() threw: ${String(error)}`, { cause: error });
  }
  if (typeof bundle !== "object" || bundle === null || Array.isArray(bundle)) {
    throw new NotebookError("BAD_BUNDLE", `[Symbol.for("Jupyter.display")]() returned ${plainText(bundle)}, not a MIME bundle`);
  }
  return bundle as Record<string, unknown>;
}

function complete(bundle: Record<string, unknown>): DisplayBundle {
  const out: Record<string, unknown> = { ...bundle };
  for (const mime of ["text/plain", "text/html", "text/markdown"]) {
    if (mime in out && typeof out[mime] !== "string") {
      throw new NotebookError("BAD_BUNDLE", `MIME bundle entry ${mime} is ${typeof out[mime]}, not a string`);
    }
  }
  const svg = out["image/svg+xml"];
  if (typeof out["text/html"] !== "string" && typeof svg === "string") out["text/html"] = svgHtml(svg);
  if (typeof out["text/plain"] !== "string") {
    const markdown = out["text/markdown"];
    const html = out["text/html"];
    out["text/plain"] =
      typeof markdown === "string" ? markdown
      : typeof html === "string" ? htmlToText(html)
      : `[${Object.keys(bundle).join(", ") || "empty bundle"}]`;
  }
  return out as DisplayBundle;
}

function plainText(value: unknown): string {
  if (value === undefined || typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") return String(value);
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  try {
    const json = JSON.stringify(value, null, 2);
    if (json !== undefined) return json;
  } catch {
    // cycles and the like: fall through
  }
  return String(value);
}
