import { denoJupyter, tslabDisplay } from "./detect-kernel.ts";
import { toDisplayBundle } from "../bundle/to-display-bundle.ts";

/** tslab shows one MIME type per output: the first of these that the bundle has. */
const TSLAB_PREFERENCE = ["text/html", "text/markdown", "image/png", "image/jpeg", "text/latex", "text/plain"];

/**
 * Shows `value` in the notebook, or prints it where there is none. The kernel is detected at
 * each call (see {@link detectKernel}):
 *
 * - **tslab**: one output with the richest entry of the bundle (tslab's display API sends one
 *   MIME type per output): `text/html` for tables and graphs (graphs inline as `<svg>`, which
 *   `nbconvert --to html` keeps), else Markdown, else text.
 * - **Deno** (`deno jupyter`): the whole bundle through `Deno.jupyter.display`. (A displayable
 *   object left as a cell's last expression is shown by Deno even without `display`.)
 * - **anywhere else**: `console.log` of the bundle's `text/plain`.
 *
 * Returns nothing, so `display(x)` as a cell's last line adds no echo.
 *
 * @example
 * ```ts
 * import { display, html, svgGraph } from "@heapgraph/notebook";
 * display(html("<b>3</b> new objects"));
 * display(svgGraph(svgText, { title: "what keeps Foo alive" }));
 * display("plain text works too");
 * ```
 */
export function display(value: unknown): void {
  const bundle = toDisplayBundle(value);
  const tslab = tslabDisplay();
  if (tslab) {
    const mime = TSLAB_PREFERENCE.find((m) => typeof bundle[m] === "string") ?? "text/plain";
    try {
      tslab.raw(mime, bundle[mime] as string);
      return;
    } catch {
      // tslab refuses before its first cell runs ("Not ready"): fall back to text
    }
  }
  const deno = denoJupyter();
  if (deno) {
    deno.display(bundle as Record<string, unknown>, { raw: true }).catch((error: unknown) => {
      out().error(`@heapgraph/notebook: Deno.jupyter.display failed: ${String(error)}`);
      out().log(bundle["text/plain"]);
    });
    return;
  }
  out().log(bundle["text/plain"]);
}

/** The runtime's console (this package compiles without DOM or Node types). */
function out(): { log(text: string): void; error(text: string): void } {
  return (globalThis as unknown as { console: { log(text: string): void; error(text: string): void } }).console;
}
