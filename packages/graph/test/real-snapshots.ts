// Test helper: real heap snapshots of the engine scenario, taken once per test-matrix run by
// spawning each runtime (and headless Chromium on a page with detached DOM nodes), cached in
// HEAPGRAPH_TEST_CACHE so that every runtime's test run compares the same files.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { captureSnapshot } from "@heapgraph/snapshot";
import { chromiumExecutable, repoRoot, runtimes, withChromium, withProcess } from "@heapgraph/testkit";

const here = dirname(fileURLToPath(import.meta.url));
const SCENARIO = join(here, "scenarios", "engine-heap.mjs");
/** The Chromium snapshot the snapshot package commits (a page keeping two detached <li>), once it exists. */
const CHROME_FIXTURE = join(repoRoot, "packages", "snapshot", "test", "fixtures", "chrome-detached.heapsnapshot.gz");
const CHROME_PAGE = join(repoRoot, "testkit", "scenarios", "detached-dom.html");
const TAKE_TIMEOUT_MS = 90_000;

let ownCache: string | undefined;
function cacheDir(): string {
  const shared = process.env.HEAPGRAPH_TEST_CACHE;
  if (shared) return shared;
  if (!ownCache) {
    ownCache = mkdtempSync(join(tmpdir(), "heapgraph-graph-test-"));
    const dir = ownCache;
    process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  }
  return ownCache;
}

/**
 * Runs `make(tmpFile)` once per cache for `name`: the first caller (of any runtime) takes a lock
 * and writes the file, the others wait for it (bounded). Returns the cached file.
 */
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
      // another runtime is taking it
    }
    if (mine) {
      try {
        if (!existsSync(file)) {
          const tmp = `${file}.${process.pid}.tmp`;
          await make(tmp);
          if (!existsSync(tmp) || statSync(tmp).size === 0) throw new Error(`no snapshot was written for ${name}`);
          renameSync(tmp, file);
        }
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
      break;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for another runtime to write ${file}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return file;
}

/** Runtimes that can take a snapshot of the engine scenario: node20, node24, deno, bun. */
export function snapshotRuntimes(): string[] {
  return runtimes().map((r) => r.name);
}

/** A real V8-format snapshot of the engine scenario taken by `runtime`, as text. */
export async function scenarioSnapshot(runtime: string): Promise<string> {
  const r = runtimes().find((x) => x.name === runtime);
  if (!r) throw new Error(`runtime ${runtime} is not installed; have ${snapshotRuntimes().join(", ")}`);
  const file = await cached(`graph-engine-${runtime}.heapsnapshot`, async (out) => {
    const [command, ...pre] = r.command;
    await withProcess(command, [...pre, SCENARIO, out], async (child) => {
      const exit = await Promise.race([
        child.exited,
        new Promise<null>((resolve) => setTimeout(() => resolve(null), TAKE_TIMEOUT_MS)),
      ]);
      if (!exit || exit.code !== 0) {
        throw new Error(`${runtime} scenario failed (${JSON.stringify(exit)}):\n${child.stdout()}\n${child.stderr()}`);
      }
    }, { lifetimeMs: TAKE_TIMEOUT_MS + 5_000 });
  });
  return readFileSync(file, "utf8");
}

/** Where the Chromium snapshot comes from in this checkout, or null when neither the fixture nor Chromium is there. */
export function chromiumSource(): "fixture" | "live" | null {
  if (existsSync(CHROME_FIXTURE)) return "fixture";
  return chromiumExecutable() ? "live" : null;
}

/**
 * A real Chromium snapshot of a page with DOM nodes (two of them detached): the committed fixture
 * when present, else taken from headless Chromium through heapgraph's own CDP capture.
 */
export async function chromiumSnapshot(): Promise<string> {
  if (existsSync(CHROME_FIXTURE)) return gunzipSync(readFileSync(CHROME_FIXTURE)).toString("utf8");
  const file = await cached("graph-engine-chromium.heapsnapshot", async (out) => {
    await withChromium(pathToFileURL(CHROME_PAGE).href, async ({ port }) => {
      // Wait for the page's script to have run (it sets the title).
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
