/**
 * The routes of `heapgraph watch`'s page: the page itself, the series as JSON, and the
 * diagnosis of one class.
 *
 * @module
 */
import { INTERACTIVE_GRAPH_SCRIPT } from "@heapgraph/render";
import type { Hono } from "hono";
import { z } from "zod";
import { apiError, apiQuery } from "../api-query.ts";
import { pageHtml } from "../page-html.ts";
import { provideWebAsset, serveWebAssets } from "../web-asset.ts";
import { webApp, type WebEnv } from "../web-env.ts";
import type { HeapWatch } from "./heap-watch.ts";
import { WatchError } from "./watch-error.ts";

/** The page's fixed markup: nothing in it comes from a heap (class names are set as text by the script). */
const BODY = `<header><h1>heapgraph watch</h1><p id="status" role="status">waiting for the first sample…</p></header>
<main>
<section id="chart-box" aria-label="instances per class over time"><div id="chart"></div></section>
<aside id="side">
<h2>Growing steadily</h2><ul id="growing"><li class="none">nothing yet</li></ul>
<h2>Largest classes</h2><table id="classes"><thead><tr><th>class</th><th>count</th><th>Δ window</th><th>self size</th></tr></thead><tbody></tbody></table>
</aside>
<section id="diagnosis" hidden><h2 id="diagnosis-title"></h2><p id="headline"></p><div id="holders"></div><h3>Chain to one instance</h3><ol id="chain"></ol><div id="graph"></div></section>
</main>`;

/**
 * The page's routes over a running {@link HeapWatch}, for `startWebServer`:
 * - `GET /`: the page (`graph.js`, render's interactive graph widget; `watch.js`, `watch.css`; the
 *   endpoint and interval as embedded data);
 * - `GET /api/series?top=N`: `WatchSeriesJson` with the growing classes and the `N` (default 12)
 *   largest by their last count, plus `ended` (null while watching, else why it ended);
 * - `GET /api/diagnose?class=NAME`: `ClassDiagnosis` from the next two samples (answers after up
 *   to two intervals); 404 for a class never seen, 409 once the watch has ended.
 *
 * @example
 * ```ts
 * const server = await startWebServer({ app: watchApp(watch), port: 0 });
 * console.log(server.url);
 * ```
 */
export function watchApp(watch: HeapWatch, state: { ended: string | null } = { ended: null }): Hono<WebEnv> {
  const app = webApp();
  provideWebAsset("graph.js", INTERACTIVE_GRAPH_SCRIPT);
  serveWebAssets(app);
  app.get("/", (c) =>
    c.html(
      pageHtml({
        title: "heapgraph watch",
        nonce: c.get("secureHeadersNonce"),
        token: c.get("token"),
        scripts: ["graph.js", "watch.js"],
        styles: ["watch.css"],
        body: BODY,
        data: { endpoint: watch.endpoint, every: watch.every },
      }),
    ),
  );
  app.get("/api/series", (c) => {
    const { top } = apiQuery(c, z.object({ top: z.coerce.number().int().min(1).max(1000).default(12) }));
    return c.json({ ...watch.series.json({ target: watch.endpoint, every: watch.every }, top), ended: state.ended });
  });
  app.get("/api/diagnose", async (c) => {
    const { class: name } = apiQuery(c, z.object({ class: z.string().min(1).max(10_000) }));
    try {
      return c.json(await watch.diagnose(name));
    } catch (error) {
      if (error instanceof WatchError && error.code === "NOT_WATCHED") apiError(404, error.message);
      if (error instanceof WatchError && error.code === "STOPPED") return c.json({ error: error.message }, 409);
      // The page shows the reason (a query that failed on this heap); the watch goes on.
      return c.json({ error: error instanceof Error ? error.message : String(error) }, 500);
    }
  });
  return app;
}
