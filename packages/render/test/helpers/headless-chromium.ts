// Headless Chromium run once on a page (DESIGN.md §7 flags, a fresh profile), for the tests that
// look at drawings and reports in a real browser: a screenshot, or the DOM after the page's
// scripts ran.
import * as assert from "uvu/assert";
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { CHROMIUM_FLAGS, chromiumExecutable, spawnTracked } from "@heapgraph/testkit";

const BROWSER_TIMEOUT_MS = 60_000;

/**
 * Runs headless Chromium on `url` with `extra` flags (`--screenshot=…`, `--dump-dom`) and a fresh
 * profile under `dir`, and returns its stdout; the process group is killed in any case.
 */
export async function runChromium(dir: string, extra: readonly string[], url: string): Promise<string> {
  const executable = chromiumExecutable();
  assert.ok(executable, "chromium is installed (Debian package chromium, or HEAPGRAPH_CHROMIUM)");
  const profile = mkdtempSync(join(dir, "profile-"));
  const child = spawnTracked(executable!, [
    ...CHROMIUM_FLAGS,
    "--hide-scrollbars",
    `--user-data-dir=${profile}`,
    ...extra,
    url,
  ], { lifetimeMs: BROWSER_TIMEOUT_MS + 5_000 });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), BROWSER_TIMEOUT_MS)));
    const exit = await Promise.race([child.exited, timeout]);
    assert.ok(exit, `chromium did not finish within ${BROWSER_TIMEOUT_MS} ms: ${child.commandLine}\n${child.stderr()}`);
    assert.is(exit!.code, 0, `chromium failed: ${child.stderr()}`);
    return child.stdout();
  } finally {
    clearTimeout(timer);
    await child.kill();
  }
}
