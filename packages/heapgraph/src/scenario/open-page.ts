/**
 * The browser of a page scenario: the system Chromium driven by playwright-core (no browser
 * download), with its DevTools port open so that heapgraph's own capture session can take the
 * page's snapshots.
 *
 * @module
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import type { Page } from "playwright-core";
import { ScenarioError } from "./scenario-error.ts";

/**
 * The flags the browser starts with (DESIGN.md §7): no sandbox (root in containers and CI), no
 * GPU, none of the background traffic a closed network refuses. Playwright adds `--headless`.
 *
 * @example
 * ```ts
 * chromium.launch({ executablePath, args: [...SCENARIO_CHROMIUM_FLAGS] });
 * ```
 */
export const SCENARIO_CHROMIUM_FLAGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * An open page in a running browser.
 *
 * @example
 * ```ts
 * const opened: OpenedPage = await openScenarioPage("http://127.0.0.1:8080/");
 * ```
 */
export interface OpenedPage {
  readonly page: Page;
  /** The browser's DevTools HTTP port on 127.0.0.1. */
  readonly port: number;
  /** The page's DevTools target id (its `/json/list` entry). */
  readonly targetId: string;
  /** The browser binary. */
  readonly executable: string;
  /** Closes the browser and removes its profile directory. Idempotent. */
  close(): Promise<void>;
}

/**
 * Which Chromium to drive: `explicit` (`--browser PATH`), else `$HEAPGRAPH_CHROMIUM`, else
 * `/usr/bin/chromium`, `/usr/bin/chromium-browser`, `/usr/bin/google-chrome`.
 *
 * @throws {ScenarioError} `START_FAILED` when none exists.
 *
 * @example
 * ```ts
 * const executable = chromiumPath(undefined);
 * ```
 */
export function chromiumPath(explicit: string | undefined): string {
  if (explicit) {
    if (!existsSync(explicit)) throw new ScenarioError("START_FAILED", `no browser at ${explicit} (--browser)`);
    return explicit;
  }
  const candidates = [process.env.HEAPGRAPH_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  const found = candidates.find((c) => c && existsSync(c));
  if (!found) throw new ScenarioError("START_FAILED", "no Chromium found: install it (Debian: apt install chromium), or give --browser PATH or $HEAPGRAPH_CHROMIUM");
  return found;
}

/**
 * Starts headless Chromium with a fresh profile and `--remote-debugging-port=0`, opens `url` in
 * its page, and finds the page's DevTools target.
 *
 * @throws {ScenarioError} `START_FAILED`: the browser did not start or the page did not load; the
 * browser is closed.
 *
 * @example
 * ```ts
 * const opened = await openScenarioPage("http://127.0.0.1:8080/", chromiumPath(undefined));
 * try {
 *   await opened.page.click("#open");
 * } finally {
 *   await opened.close();
 * }
 * ```
 */
export async function openScenarioPage(url: string, executable: string): Promise<OpenedPage> {
  const { chromium } = await import("playwright-core");
  const profile = await mkdtemp(join(tmpdir(), "heapgraph-run-"));
  let context: Awaited<ReturnType<typeof chromium.launchPersistentContext>> | null = null;
  let closed: Promise<void> | null = null;
  const close = () =>
    (closed ??= (async () => {
      await context?.close().catch(() => {});
      // The browser may still be writing its profile as it exits: retry.
      await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => {});
    })());
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: executable,
      headless: true,
      args: [...SCENARIO_CHROMIUM_FLAGS, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0"],
      timeout: 30_000,
      // The run closes the browser itself, also on Ctrl-C (see runScenario).
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const port = Number((await readFile(join(profile, "DevToolsActivePort"), "utf8")).split("\n")[0]);
    const cdp = await context.newCDPSession(page);
    const { targetInfo } = (await cdp.send("Target.getTargetInfo")) as { targetInfo: { targetId: string } };
    await cdp.detach();
    await page.goto(url, { waitUntil: "load", timeout: 30_000 });
    return { page, port, targetId: targetInfo.targetId, executable, close };
  } catch (error) {
    await close();
    throw new ScenarioError("START_FAILED", `the browser (${executable}) could not open ${url}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`, { cause: error });
  }
}
