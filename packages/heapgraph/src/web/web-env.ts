/**
 * The Hono environment of heapgraph's local pages: what the security middleware puts in every
 * request's context for the handlers.
 *
 * @module
 */
import { Hono } from "hono";

/**
 * Context variables set by `webGuard` before any handler runs:
 * - `secureHeadersNonce`: this response's CSP nonce (Hono's `secureHeaders`); every `<script>` and
 *   `<link rel=stylesheet>` / `<style>` of a page must carry it (`pageHtml` does).
 * - `token`: the server's token, for pages that put it in their links and API calls.
 *
 * @example
 * ```ts
 * app.get("/", (c) => c.text(c.get("secureHeadersNonce")));
 * ```
 */
export interface WebEnv {
  Variables: { secureHeadersNonce: string; token: string };
}

/**
 * A new Hono app typed for heapgraph's pages: add routes to it, then pass it to `startWebServer`,
 * which puts the token, host and header checks in front of every route.
 *
 * @example
 * ```ts
 * const app = webApp();
 * app.get("/api/ping", (c) => c.json({ ok: true }));
 * const server = await startWebServer({ app });
 * ```
 */
export function webApp(): Hono<WebEnv> {
  return new Hono<WebEnv>();
}
