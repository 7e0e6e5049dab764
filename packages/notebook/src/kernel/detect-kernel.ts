/**
 * Where {@link display} sends its output.
 *
 * @example
 * ```ts
 * if (detectKernel() === "tslab") console.log("inside tslab");
 * ```
 */
export type Kernel = "tslab" | "deno" | "none";

/**
 * The part of tslab's `display` object used here (`require("tslab").display`).
 *
 * @example
 * ```ts
 * tslabDisplay()?.raw("text/html", "<b>hi</b>");
 * ```
 */
export interface TslabDisplay {
  raw(contentType: string, data: string): void;
}

/**
 * The part of Deno's `Deno.jupyter` namespace used here.
 *
 * @example
 * ```ts
 * void denoJupyter()?.display({ "text/plain": "hi" }, { raw: true });
 * ```
 */
export interface DenoJupyter {
  display(bundle: Record<string, unknown>, options: { raw: true }): Promise<void>;
}

/**
 * Which Jupyter kernel runs this code, found now, at call time: importing this package looks
 * at nothing. `"tslab"` when tslab runs the cell (it sets `globalThis.__tslab__`, whose
 * `require("tslab")` gives the kernel's own display API), `"deno"` in `deno jupyter` (where
 * `Deno.jupyter` exists; elsewhere reading it throws), `"none"` in scripts, REPLs and tests.
 *
 * @example
 * ```ts
 * if (detectKernel() === "none") console.log("not in a notebook: text output only");
 * ```
 */
export function detectKernel(): Kernel {
  if (tslabDisplay()) return "tslab";
  if (denoJupyter()) return "deno";
  return "none";
}

/**
 * tslab's display API when tslab is running this code, else `null`.
 *
 * tslab runs each cell as CommonJS with `__tslab__.require`, a `require` that hands out the
 * kernel's own `tslab` module. An ES module such as this one has no `require`, so it asks
 * `globalThis.__tslab__` for it, at call time; no top-level await, no import of `tslab`.
 *
 * @example
 * ```ts
 * tslabDisplay()?.raw("text/html", "<b>hi</b>");
 * ```
 */
export function tslabDisplay(): TslabDisplay | null {
  const host = (globalThis as { __tslab__?: { require?: unknown } }).__tslab__;
  if (typeof host?.require !== "function") return null;
  try {
    const tslab = (host.require as (id: string) => { display?: Partial<TslabDisplay> })("tslab");
    const display = tslab?.display;
    return display && typeof display.raw === "function" ? (display as TslabDisplay) : null;
  } catch {
    return null;
  }
}

/**
 * `Deno.jupyter` when Deno's Jupyter kernel is running this code, else `null`. Outside
 * `deno jupyter`, merely reading `Deno.jupyter` throws; that is caught here.
 *
 * @example
 * ```ts
 * void denoJupyter()?.display({ "text/plain": "hi", "text/html": "<b>hi</b>" }, { raw: true });
 * ```
 */
export function denoJupyter(): DenoJupyter | null {
  const deno = (globalThis as { Deno?: { jupyter?: unknown } }).Deno;
  if (!deno) return null;
  try {
    const jupyter = deno.jupyter as Partial<DenoJupyter> | undefined;
    return jupyter && typeof jupyter.display === "function" ? (jupyter as DenoJupyter) : null;
  } catch {
    return null;
  }
}
