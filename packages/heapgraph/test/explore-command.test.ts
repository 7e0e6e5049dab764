// `heapgraph explore` as a command, in a child process of the runtime running this file (Node,
// Deno, Bun; the sources, as the test matrix runs them): it prints the URL with the token, serves
// the page and the API on 127.0.0.1 behind the token, answers bad ids with 400, and stops cleanly
// on Ctrl-C (SIGINT).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { currentRuntime, repoRoot, runtimes, spawnTracked } from "@heapgraph/testkit";
import { TOKEN_HEADER } from "../src/web/web-guard.ts";
import { nodeShopFile } from "./cli-helpers.ts";

const runtime = currentRuntime();

test(`explore command (${runtime}): URL with the token, the API behind it, 400 for a bad id, a clean stop on SIGINT`, async () => {
  const file = await nodeShopFile();
  const me = runtimes().find((r) => r.name === runtime) ?? runtimes()[0]!;
  const [command, ...pre] = me.command;
  const child = spawnTracked(command!, [...pre, join(repoRoot, "packages", "heapgraph", "src", "cli.ts"), "explore", file, "--json"], { lifetimeMs: 120_000 });
  try {
    const [, line] = await child.waitForLine(/^(\{"event":"listening".*\})$/, { timeoutMs: 90_000 });
    const { url } = JSON.parse(line!) as { url: string };
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/);
    const { origin, searchParams } = new URL(url);
    const token = searchParams.get("token")!;
    const page = await fetch(url);
    assert.is(page.status, 200);
    assert.match(page.headers.get("content-security-policy") ?? "", /default-src 'none'/);
    assert.match(await page.text(), /<script nonce="[^"]+" src="\/assets\/explore\.js\?token=/);
    const script = await fetch(`${origin}/assets/explore.js?token=${token}`);
    assert.is(script.status, 200, "the bundled page script is served");
    assert.match(script.headers.get("content-type") ?? "", /javascript/);
    await script.body?.cancel();
    assert.is((await fetch(`${origin}/api/classes`)).status, 403, "no token, no data");
    const classes = (await (await fetch(`${origin}/api/classes?file=0`, { headers: { [TOKEN_HEADER]: token } })).json()) as { name: string; count: number }[];
    assert.ok(classes.some((c) => c.name === "ShopCart" && c.count > 0), "the scenario's classes are listed");
    const bad = await fetch(`${origin}/api/object?id=999999999999`, { headers: { [TOKEN_HEADER]: token } });
    assert.is(bad.status, 400);
    assert.match(((await bad.json()) as { error: string }).error, /no object has id 999999999999/);
    const badFile = await fetch(`${origin}/api/classes?file=3`, { headers: { [TOKEN_HEADER]: token } });
    assert.is(badFile.status, 400);
    assert.match(((await badFile.json()) as { error: string }).error, /no file number 3/);
    const exit = await child.kill("SIGINT", 15_000);
    assert.ok(exit, "stopped by SIGINT");
    assert.is(exit!.code, 0, child.stderr());
    assert.match(child.stdout(), /"event":"stopped","signal":"SIGINT"/);
  } finally {
    await child.kill();
  }
});

test.run();
