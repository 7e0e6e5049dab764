/**
 * The pages' bundled scripts and styles, and the route that serves them.
 *
 * `npm run build` (packages/heapgraph's `build` script) runs `scripts/build-web-assets.mjs`, which
 * bundles each page's browser entry (listed there, one line per page) with esbuild into
 * `assets/web/<page>.js` (and `<page>.css` when the entry imports CSS; generated, gitignored,
 * published with the package's `assets`). This module reads them from `../../assets/web/` relative
 * to itself, which is the same folder whether it runs from `src/web/` (tests through tsx, Deno,
 * Bun) or from `dist/web/` (the published package); outside `dist/`, so a rebuild's clean step
 * never leaves a running page without them. No CDN, no remote origin: everything a page loads
 * comes from the local server.
 *
 * @module
 */
import { readFile } from "node:fs/promises";
import type { Hono } from "hono";
import type { WebEnv } from "./web-env.ts";
import { WebError } from "./web-error.ts";

const ASSET_NAME = /^[a-z0-9][a-z0-9-]*\.(js|css)$/;
const ASSETS_DIR = new URL("../../assets/web/", import.meta.url);
const cache = new Map<string, Promise<string>>();

/** Scripts made in memory rather than by the build (e.g. render's interactive graph widget), by asset name. */
const extraAssets = new Map<string, string>();

/**
 * The text of the bundled asset `name` (`"explore.js"`, `"explore.css"`), read once. Fails with
 * `ASSET_MISSING` when it is not built.
 *
 * @example
 * ```ts
 * const js = await webAsset("explore.js");
 * ```
 */
export function webAsset(name: string): Promise<string> {
  const extra = extraAssets.get(name);
  if (extra !== undefined) return Promise.resolve(extra);
  if (!ASSET_NAME.test(name)) return Promise.reject(new WebError("ASSET_MISSING", `no page asset is called ${JSON.stringify(name)}`));
  let text = cache.get(name);
  if (!text) {
    text = readFile(new URL(name, ASSETS_DIR), "utf8").catch((error: unknown) => {
      cache.delete(name);
      throw new WebError(
        "ASSET_MISSING",
        `the page asset ${name} is not built (assets/web/${name}): run \`npm run build\` at the repository root`,
        { cause: error },
      );
    });
    cache.set(name, text);
  }
  return text;
}

/**
 * Makes `text` servable as asset `name` (a script generated in memory, such as
 * `INTERACTIVE_GRAPH_SCRIPT` from `@heapgraph/render`).
 *
 * @example
 * ```ts
 * provideWebAsset("graph.js", INTERACTIVE_GRAPH_SCRIPT);
 * ```
 */
export function provideWebAsset(name: string, text: string): void {
  extraAssets.set(name, text);
}

/**
 * Adds `GET /assets/:name` to `app`: the named bundled asset with its content type, or 404. (Like
 * every route, it needs the token: pages link assets with `?token=`, see `pageHtml`.)
 *
 * @example
 * ```ts
 * const app = webApp();
 * serveWebAssets(app);
 * ```
 */
export function serveWebAssets(app: Hono<WebEnv>): void {
  app.get("/assets/:name", async (c) => {
    const name = c.req.param("name");
    let text: string;
    try {
      text = await webAsset(name);
    } catch (error) {
      if (error instanceof WebError && error.code === "ASSET_MISSING") return c.text(error.message, 404);
      throw error;
    }
    c.header("Content-Type", name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
    return c.body(text);
  });
}
