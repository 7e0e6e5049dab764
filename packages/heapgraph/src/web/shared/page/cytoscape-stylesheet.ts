/// <reference lib="dom" />
/**
 * Browser code shared by the local pages: the graph widget under the pages' Content-Security-Policy.
 *
 * @module
 */

/**
 * Cytoscape (in render's graph widget) adds a `<style>` element for its container unless an
 * element with this id exists; the pages' CSP allows no inline style element, so the rule is in
 * each page's CSS and this placeholder tells cytoscape it is there. Call it before mounting a graph.
 *
 * @example
 * ```ts
 * claimCytoscapeStylesheet();
 * window.heapgraphGraph.mount(element, data);
 * ```
 */
export function claimCytoscapeStylesheet(): void {
  const id = "__________cytoscape_stylesheet";
  if (document.getElementById(id)) return;
  const marker = document.createElement("meta");
  marker.id = id;
  document.head.append(marker);
}
