import { GRAPH_BUNDLE } from "./generated/graph-bundle.ts";

/**
 * The interactive graph's browser script: cytoscape, its dagre layout and heapgraph's widget,
 * bundled by esbuild at build time (`browser/` of this package) into one classic script, safe to
 * inline in a `<script>` element (no `</script` or `<!--` in it). Loading it defines
 * `window.heapgraphGraph` (`HeapgraphGraphApi`) and mounts every `interactiveGraphHtml`
 * fragment already in the page. Serve it once per page (`heapgraph explore` does) and pass
 * `script: "mount"` or `"none"` to `interactiveGraphHtml`.
 *
 * @example
 * ```ts
 * const page = `<!doctype html><script>${INTERACTIVE_GRAPH_SCRIPT}</script>${interactiveGraphHtml(data, { script: "mount" })}`;
 * ```
 */
export const INTERACTIVE_GRAPH_SCRIPT: string = GRAPH_BUNDLE;
