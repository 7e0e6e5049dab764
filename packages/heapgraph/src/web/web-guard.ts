/**
 * The security middleware in front of every route of the local server: Host check, token check,
 * Content-Security-Policy and the other security headers.
 *
 * @module
 */
import type { MiddlewareHandler } from "hono";
import { NONCE, secureHeaders } from "hono/secure-headers";
import { hostnameOfHeader } from "./allowed-hosts.ts";
import type { WebEnv } from "./web-env.ts";
import { sameToken } from "./web-token.ts";

/**
 * The request header that carries the token on API calls (the page's own URL carries it as
 * `?token=`). A custom header also makes any cross-origin call need a CORS preflight, which
 * this server never grants.
 *
 * @example
 * ```ts
 * await fetch("/api/classes", { headers: { [TOKEN_HEADER]: token } });
 * ```
 */
export const TOKEN_HEADER = "X-Heapgraph-Token";

/** Options of {@link webGuard}. */
export interface WebGuardOptions {
  /** The secret every request must carry, as `?token=` or the `X-Heapgraph-Token` header. */
  readonly token: string;
  /** Host names (lowercase, no port, IPv6 without brackets) the `Host` header may name. */
  readonly allowedHostnames: ReadonlySet<string>;
}

/**
 * The Content-Security-Policy of every response: nothing by default; scripts only with this
 * response's nonce; styles from this server or with the nonce; fetches and images only from this
 * server (images also as `data:` URLs); no framing, no `<base>`, no form posts.
 */
const CSP = {
  defaultSrc: ["'none'"],
  scriptSrc: [NONCE],
  styleSrc: ["'self'", NONCE],
  connectSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

/**
 * The middleware `startWebServer` puts in front of an app (use it directly only to build a server
 * some other way). For every request, in order:
 * 1. the `Host` header must name one of `allowedHostnames` (DNS rebinding), else **403**;
 * 2. the token must be given as `?token=` or in the `X-Heapgraph-Token` header, else **403**;
 *    both 403s have an empty body (nothing to learn from them);
 * 3. the handler runs with `c.get("secureHeadersNonce")` and `c.get("token")` set;
 * 4. every response (403s included) gets `Content-Security-Policy` (see above),
 *    `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`, `X-Frame-Options: DENY`,
 *    `Cross-Origin-Resource-Policy: same-origin`, `Cross-Origin-Opener-Policy: same-origin` and
 *    `Cache-Control: no-store` (URLs carry the token).
 *
 * @example
 * ```ts
 * const app = new Hono<WebEnv>();
 * app.use(...webGuard({ token: newWebToken(), allowedHostnames: allowedHostnames("127.0.0.1") }));
 * ```
 */
export function webGuard(options: WebGuardOptions): MiddlewareHandler<WebEnv>[] {
  const headers = secureHeaders({
    contentSecurityPolicy: CSP,
    referrerPolicy: "no-referrer",
    strictTransportSecurity: false,
    xFrameOptions: "DENY",
    crossOriginResourcePolicy: "same-origin",
    crossOriginOpenerPolicy: "same-origin",
  }) as MiddlewareHandler<WebEnv>;
  const guard: MiddlewareHandler<WebEnv> = async (c, next) => {
    c.header("Cache-Control", "no-store");
    const hostname = hostnameOfHeader(c.req.header("host"));
    if (hostname === null || !options.allowedHostnames.has(hostname)) return c.body(null, 403);
    const given = c.req.query("token") ?? c.req.header(TOKEN_HEADER);
    if (!sameToken(given, options.token)) return c.body(null, 403);
    c.set("token", options.token);
    await next();
  };
  return [headers, guard];
}
