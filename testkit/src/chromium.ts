/**
 * Headless Chromium for tests: Debian's `chromium` with the flags of DESIGN.md §7,
 * a fresh user-data directory, the DevTools port chosen by the browser, and
 * everything (process group, directory) removed when the test is done.
 *
 * @module
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnTracked, type TrackedProcess } from "./processes.ts";

/** The Chromium binary the tests use, or null when it is not installed. */
export function chromiumExecutable(): string | null {
  for (const candidate of [process.env.HEAPGRAPH_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * The flags every test browser starts with (DESIGN.md §7): headless, no sandbox (root), no GPU,
 * and none of the background traffic this machine's closed network would refuse.
 *
 * @example
 * ```ts
 * spawnTracked(chromiumExecutable()!, [...CHROMIUM_FLAGS, `--user-data-dir=${dir}`, "--dump-dom", url]);
 * ```
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** A running headless browser. */
export interface ChromiumInstance {
  /** The DevTools HTTP port on 127.0.0.1 (`/json/list`). */
  readonly port: number;
  /** The browser-level DevTools WebSocket URL. */
  readonly browserUrl: string;
  readonly process: TrackedProcess;
}

/**
 * Starts headless Chromium on `url` with `--remote-debugging-port=0` and a fresh
 * user-data directory, runs `fn`, then kills the browser's process group and removes
 * the directory, also when `fn` throws.
 *
 * @example
 * ```ts
 * import { withChromium } from "@heapgraph/testkit";
 * await withChromium("about:blank", async ({ port }) => {
 *   console.log(await (await fetch(`http://127.0.0.1:${port}/json/list`)).json());
 * });
 * ```
 */
export async function withChromium<T>(url: string, fn: (browser: ChromiumInstance) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
  const executable = chromiumExecutable();
  if (!executable) throw new Error("chromium is not installed (Debian package `chromium`, or set HEAPGRAPH_CHROMIUM)");
  const userDataDir = mkdtempSync(join(tmpdir(), "heapgraph-chromium-"));
  const child = spawnTracked(executable, [
    ...CHROMIUM_FLAGS,
    `--user-data-dir=${userDataDir}`,
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
    url,
  ]);
  try {
    const match = await child.waitForLine(/DevTools listening on (ws:\/\/127\.0\.0\.1:(\d+)\/\S+)/, {
      stream: "stderr",
      timeoutMs: options.timeoutMs ?? 30_000,
    });
    return await fn({ port: Number(match[2]), browserUrl: match[1], process: child });
  } finally {
    await child.kill();
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}
