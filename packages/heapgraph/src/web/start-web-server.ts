/**
 * Starts a local page server: an app's routes behind the token, Host and header checks, on the
 * runtime's own HTTP server, bound to 127.0.0.1 unless asked otherwise.
 *
 * @module
 */
import type { Hono } from "hono";
import { z } from "zod";
import { allowedHostnames, isLoopbackHost } from "./allowed-hosts.ts";
import { listen } from "./listen.ts";
import { webApp, type WebEnv } from "./web-env.ts";
import { WebError } from "./web-error.ts";
import { webGuard } from "./web-guard.ts";
import { newWebToken } from "./web-token.ts";

const optionsSchema = z.object({
  host: z.string().min(1, "a host name or address").default("127.0.0.1"),
  port: z.number().int().min(0).max(65535).default(0),
  token: z.string().min(32, "at least 32 characters (128 bits as hex)").optional(),
});

/** Options of {@link startWebServer}. */
export interface StartWebServerOptions {
  /** The pages and APIs (made with `webApp()`), without any security of their own. */
  readonly app: Hono<WebEnv>;
  /** Address to bind (default `127.0.0.1`). Anything not loopback gets `warning` set. */
  readonly host?: string;
  /** Port (default 0: a free one, chosen by the system). */
  readonly port?: number;
  /** The token to require (default: a fresh `newWebToken()`); for tests and restarts only. */
  readonly token?: string;
}

/** A running local page server. */
export interface WebServer {
  /** The address to open, with the token: `http://127.0.0.1:PORT/?token=TOKEN`. Print this. */
  readonly url: string;
  /** `http://HOST:PORT`, without path or token. */
  readonly origin: string;
  /** The secret every request must carry (`?token=` on pages, `X-Heapgraph-Token` on API calls). */
  readonly token: string;
  readonly host: string;
  readonly port: number;
  /** Set when `host` is not a loopback address: a sentence to print on stderr before the URL. */
  readonly warning: string | null;
  /** Stops the server and ends open connections. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Serves `app` behind `webGuard` (DNS-rebinding Host check, token, CSP and security headers; see
 * web-guard.ts) on `host:port`, with Deno.serve, Bun.serve or node:http chosen at run time. The
 * app's handlers see `c.get("secureHeadersNonce")` and `c.get("token")`. Fails with a `WebError`:
 * `BAD_OPTIONS` (bad host/port), `CANNOT_LISTEN` (port in use, address not here).
 *
 * @example
 * ```ts
 * const app = webApp();
 * app.get("/", (c) => c.html(pageHtml({ title: "hello", nonce: c.get("secureHeadersNonce"), token: c.get("token"), body: "<p>hi</p>" })));
 * const server = await startWebServer({ app });
 * console.log(`open ${server.url}`);
 * await untilStopped(); // Ctrl-C
 * await server.close();
 * ```
 */
export async function startWebServer(options: StartWebServerOptions): Promise<WebServer> {
  const parsed = optionsSchema.safeParse({ host: options.host, port: options.port, token: options.token });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const bad = issue.path[0] === undefined ? undefined : (options as unknown as Record<string, unknown>)[String(issue.path[0])];
    throw new WebError("BAD_OPTIONS", `startWebServer: ${String(issue.path[0])} ${JSON.stringify(bad)}: ${issue.message}`);
  }
  const { host, port } = parsed.data;
  const token = parsed.data.token ?? newWebToken();
  const outer = webApp();
  outer.use(...webGuard({ token, allowedHostnames: allowedHostnames(host) }));
  outer.route("/", options.app);
  const listening = await listen((request) => outer.fetch(request), host, port);
  const shownHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  const origin = `http://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${listening.port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    host,
    port: listening.port,
    warning: isLoopbackHost(host)
      ? null
      : `listening on ${host}, not only on this machine's loopback address: anyone who can reach it and has the URL's token can read the heap`,
    close: () => listening.close(),
  };
}
