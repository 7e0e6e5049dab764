/**
 * The one runtime adapter of the web server: serve a fetch handler with the runtime's own HTTP
 * server — `Deno.serve` on Deno, `Bun.serve` on Bun, `@hono/node-server` (node:http) on Node.
 *
 * @module
 */
import { WebError } from "./web-error.ts";

/** A fetch-style request handler (a Hono app's `fetch`). */
export type FetchHandler = (request: Request) => Response | Promise<Response>;

/** A server that is listening. */
export interface Listening {
  /** The port it listens on (the one chosen by the system when asked for port 0). */
  readonly port: number;
  /** Which server runs it. */
  readonly runtime: "deno" | "bun" | "node";
  /** Stops listening and ends open connections; resolves when done. Safe to call twice. */
  close(): Promise<void>;
}

interface DenoLike {
  serve(
    options: { hostname: string; port: number; onListen?: (addr: unknown) => void },
    handler: FetchHandler,
  ): { addr: { port: number }; shutdown(): Promise<void>; finished: Promise<void> };
}
interface BunLike {
  serve(options: { hostname: string; port: number; fetch: FetchHandler }): { port: number; stop(force?: boolean): Promise<void> | void };
}

/**
 * Listens on `hostname:port` (port 0: any free port) with the runtime's own HTTP server.
 * Fails with `CANNOT_LISTEN` naming the address when the port is taken or the address is not
 * this machine's.
 *
 * @example
 * ```ts
 * const server = await listen((req) => new Response("hi"), "127.0.0.1", 0);
 * console.log(server.port);
 * await server.close();
 * ```
 */
export async function listen(fetch: FetchHandler, hostname: string, port: number): Promise<Listening> {
  const g = globalThis as { Deno?: DenoLike; Bun?: BunLike };
  const where = `${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`;
  const cannot = (error: unknown) =>
    new WebError("CANNOT_LISTEN", `cannot listen on ${where} (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  if (g.Deno) {
    let server;
    try {
      server = g.Deno.serve({ hostname, port, onListen: () => {} }, fetch);
    } catch (error) {
      throw cannot(error);
    }
    let closing: Promise<void> | undefined;
    return { port: server.addr.port, runtime: "deno", close: () => (closing ??= server.shutdown().then(() => server.finished)) };
  }
  if (g.Bun) {
    let server;
    try {
      server = g.Bun.serve({ hostname, port, fetch });
    } catch (error) {
      throw cannot(error);
    }
    let closing: Promise<void> | undefined;
    return { port: server.port, runtime: "bun", close: () => (closing ??= Promise.resolve(server.stop(true))) };
  }
  const { serve } = await import("@hono/node-server");
  const server = await new Promise<import("node:http").Server>((resolve, reject) => {
    const s = serve({ fetch, hostname, port }) as import("node:http").Server;
    s.once("error", (error) => reject(cannot(error)));
    s.once("listening", () => resolve(s));
  });
  const address = server.address();
  let closing: Promise<void> | undefined;
  return {
    port: typeof address === "object" && address ? address.port : port,
    runtime: "node",
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}
