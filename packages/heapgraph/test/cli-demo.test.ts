// The main job, end to end: `heapgraph demo` (run in this process) starts the leaky service,
// captures three snapshots, finds the leak, writes the report, and leaves no process behind.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { currentRuntime } from "@heapgraph/testkit";
import { alive, filesIn, runMain, tempDir } from "./cli-helpers.ts";

const runtime = currentRuntime();

interface DemoOut {
  report: string;
  service: { pid: number; command: string };
  leakingClass: { name: string; count: number } | null;
  chain: { id: number; className: string; edge: { type: string; name: string } | null }[];
  clusters: { count: number; classes: { name: string; count: number }[] }[];
  durationMs: number;
}

test(`demo (${runtime}): finds RequestContext leaking through the emitter, writes the report, stops the service`, async () => {
  const tmp = tempDir("demo");
  try {
    const report = join(tmp.dir, "report.html");
    const started = Date.now();
    const run = await runMain(["demo", "--out", report, "--requests", "150", "--json"]);
    const seconds = (Date.now() - started) / 1000;
    assert.is(run.code, 0, run.stderr);
    assert.is(run.stderr, "");
    const out = JSON.parse(run.stdout) as DemoOut;
    console.log(`      demo under ${runtime}: ${seconds.toFixed(1)} s (${(out.durationMs / 1000).toFixed(1)} s inside)`);
    assert.ok(seconds < 60, `the demo took ${seconds} s`);
    assert.is(out.report, report);
    assert.equal(filesIn(tmp.dir), ["report.html"], "the report only, nothing partial");
    assert.equal(out.leakingClass, { ...out.leakingClass, name: "RequestContext", count: 150 });
    assert.ok(out.clusters[0].classes.some((c) => c.name === "RequestContext" && c.count === 150), "the top cluster holds the 150 contexts");
    const chain = out.chain;
    assert.is(chain[0].edge, null, "root first");
    assert.is(chain.at(-1)!.className, "RequestContext");
    assert.ok(chain.some((s) => s.className === "EventEmitter"), "through the long-lived emitter");
    assert.ok(chain.some((s) => s.edge?.name === "change"), "and its change listeners");
    const html = readFileSync(report, "utf8");
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /RequestContext/);
    assert.match(html, /<svg[\s>][\s\S]*RequestContext[\s\S]*<\/svg>/, "an inline SVG of the chain");
    assert.not.match(html, /<script/i, "self-contained, no scripts");
    const deadline = Date.now() + 5_000;
    while (alive(out.service.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.not.ok(alive(out.service.pid), `the service (pid ${out.service.pid}) is stopped`);
  } finally {
    tmp.remove();
  }
});

test(`demo (${runtime}) --out into a missing directory fails before starting anything`, async () => {
  const tmp = tempDir("demo-bad");
  try {
    const run = await runMain(["demo", "--out", join(tmp.dir, "no", "report.html")]);
    assert.is(run.code, 2);
    assert.match(run.stderr, /^heapgraph: cannot write .*report\.html: no such directory\n$/);
    assert.is(existsSync(join(tmp.dir, "no")), false);
  } finally {
    tmp.remove();
  }
});

test.run();
