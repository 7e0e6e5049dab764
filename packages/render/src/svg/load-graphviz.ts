import type { Graphviz } from "@hpcc-js/wasm-graphviz";
import { RenderError } from "../errors/render-error.ts";

let loading: Promise<Graphviz> | undefined;

/**
 * The Graphviz WebAssembly module, loaded on first use and shared by every later call (the same
 * promise each time). A failed load is not cached, so a later call tries again.
 *
 * @throws {RenderError} `GRAPHVIZ_UNAVAILABLE` when the module cannot be loaded.
 *
 * @example
 * ```ts
 * const graphviz = await loadGraphviz();
 * graphviz.version(); // "16.1.0"
 * ```
 */
export function loadGraphviz(): Promise<Graphviz> {
  loading ??= import("@hpcc-js/wasm-graphviz")
    .then((m) => m.Graphviz.load())
    .catch((error: unknown) => {
      loading = undefined;
      throw new RenderError("GRAPHVIZ_UNAVAILABLE", `renderSvg: could not load @hpcc-js/wasm-graphviz: ${messageOf(error)}`, { cause: error });
    });
  return loading;
}

/**
 * An error's message on one line, for the messages of {@link RenderError}s about Graphviz.
 *
 * @example
 * ```ts
 * messageOf(new Error("syntax error in line 1 \n")); // "syntax error in line 1"
 * ```
 */
export function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim();
}
