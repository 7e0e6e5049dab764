/**
 * Requests over loopback for the demo, with `node:http` and no keep-alive, so that no
 * connection outlives its request (a kept-alive socket would look like a leak).
 *
 * @module
 */
import { request } from "node:http";

/**
 * Sends `count` GET requests to `baseUrl + path(i)`, `concurrency` at a time, each with a
 * `timeoutMs` limit; rejects on the first failure or non-200 answer.
 *
 * @example
 * ```ts
 * await sendRequests("http://127.0.0.1:3000", (i) => `/orders?n=${i}`, 100);
 * ```
 */
export async function sendRequests(baseUrl: string, path: (i: number) => string, count: number, concurrency = 8, timeoutMs = 10_000): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await get(new URL(path(i), baseUrl), timeoutMs);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

function get(url: URL, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "GET", agent: false, headers: { connection: "close" } }, (res) => {
      res.resume();
      res.once("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`${url.href} answered ${res.statusCode}`))));
      res.once("error", reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${url.href} did not answer within ${timeoutMs} ms`)));
    req.once("error", reject);
    req.end();
  });
}
