/**
 * `ctx.fetch` of process scenarios: one HTTP request over a connection of its own, closed when
 * the answer has arrived, so that no kept-alive socket of the scenario's client is still open
 * in the service when a snapshot is taken (it would look like a leak).
 *
 * @module
 */
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

/**
 * What a scenario's `ctx.fetch` takes besides the path.
 *
 * @example
 * ```ts
 * const init: FetchTextInit = { method: "POST", headers: { "content-type": "application/json" }, body: "{}" };
 * ```
 */
export interface FetchTextInit {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  /** Default 30 000. */
  readonly timeoutMs?: number;
}

/**
 * Sends one request to `url` without keep-alive and resolves with the body as text; rejects on
 * a status outside 200–299, a network error or a timeout.
 *
 * @example
 * ```ts
 * const body = await fetchText(new URL("/orders?n=1", "http://127.0.0.1:3000"));
 * ```
 */
export function fetchText(url: URL, init: FetchTextInit = {}): Promise<string> {
  const timeoutMs = init.timeoutMs ?? 30_000;
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? "GET", agent: false, headers: { ...init.headers, connection: "close" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.once("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve(body);
        else reject(new Error(`${init.method ?? "GET"} ${url.href} answered ${status}${body ? `: ${body.slice(0, 200)}` : ""}`));
      });
      res.once("error", reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${url.href} did not answer within ${timeoutMs / 1000} s`)));
    req.once("error", reject);
    req.end(init.body);
  });
}
