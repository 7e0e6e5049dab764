// Test helper: the real Chromium snapshot of a page with DOM nodes (two of them detached) that
// the graph package's tests share: the snapshot package's committed fixture when present, else
// one taken from headless Chromium through heapgraph's own CDP capture, once per test-matrix run
// (cached in HEAPGRAPH_TEST_CACHE).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { captureSnapshot } from "@heapgraph/snapshot";
import { chromiumExecutable, repoRoot, withChromium } from "@heapgraph/testkit";

/** Chromium on testkit/scenarios/detached-dom.html, committed by the snapshot package. */
export const CHROME_FIXTURE = join(repoRoot, "packages", "snapshot", "test", "fixtures", "chrome-detached.heapsnapshot.gz");
const CHROME_PAGE = join(repoRoot, "testkit", "scenarios", "detached-dom.html");
const TAKE_TIMEOUT_MS = 90_000;

let ownCache: string | undefined;
function cacheDir(): string {
  const shared = process.env.HEAPGRAPH_TEST_CACHE;
  if (shared) return shared;
  if (!ownCache) {
    const dir = (ownCache = mkdtempSync(join(tmpdir(), "heapgraph-graph-test-")));
    process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  }
  return ownCache;
}

/** Makes `name` in the cache once (first caller of any runtime, under a lock directory); returns its path. */
async function cached(name: string, make: (file: string) => Promise<void>): Promise<string> {
  const file = join(cacheDir(), name);
  const lock = `${file}.lock`;
  const deadline = Date.now() + TAKE_TIMEOUT_MS + 30_000;
  while (!existsSync(file)) {
    let mine = false;
    try {
      mkdirSync(lock);
      mine = true;
    } catch {
      // another runtime is making it
    }
    if (mine) {
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        if (!existsSync(file)) {
          await make(tmp);
          if (!existsSync(tmp) || statSync(tmp).size === 0) throw new Error(`no snapshot was written for ${name}`);
          renameSync(tmp, file);
        }
      } finally {
        rmSync(tmp, { force: true });
        rmSync(lock, { recursive: true, force: true });
      }
      break;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for another runtime to write ${file}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return file;
}

/** Where the Chromium snapshot comes from in this checkout, or null when neither the fixture nor Chromium is there. */
export function chromiumSource(): "fixture" | "live" | null {
  if (existsSync(CHROME_FIXTURE)) return "fixture";
  return chromiumExecutable() ? "live" : null;
}

/** The Chromium snapshot's text (the fixture, else a live capture). */
export async function chromiumSnapshot(): Promise<string> {
  if (existsSync(CHROME_FIXTURE)) return gunzipSync(readFileSync(CHROME_FIXTURE)).toString("utf8");
  const file = await cached("graph-engine-chromium.heapsnapshot", async (out) => {
    await withChromium(pathToFileURL(CHROME_PAGE).href, async ({ port }) => {
      // The page's script sets the title once it has run.
      const deadline = Date.now() + 30_000;
      for (;;) {
        const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { type: string; title: string }[];
        if (targets.some((t) => t.type === "page" && t.title === "detached-dom ready")) break;
        if (Date.now() > deadline) throw new Error(`the page never got ready: ${JSON.stringify(targets)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await captureSnapshot({ host: "127.0.0.1", port, match: { title: "detached-dom ready" } }, { saveTo: out });
    }, { timeoutMs: 30_000 });
  });
  return readFileSync(file, "utf8");
}
