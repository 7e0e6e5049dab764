// Comparable snapshots from the command line, on one real demo service (the leaky order service
// `heapgraph demo` runs): `capture --count 3` keeps one inspector connection and `leaks` on its
// files finds the demo's leak; three separate `capture` calls are refused by `leaks`
// (IDS_NOT_STABLE, naming the foreign files) and compared by counts only by `compare`;
// `leaks --port --run` does it all in one command; a failing --run command ends the capture with
// a clear error and no half-written file. All through main(argv, io) in this process.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { readSnapshot } from "@heapgraph/snapshot";
import { currentRuntime, repoRoot, runtimes, testWhen } from "@heapgraph/testkit";
import { startDemoService, type DemoService } from "../src/cli/demo-service.ts";
import { sendRequests } from "../src/cli/http-load.ts";
import { filesIn, mainJson, PACKAGE, runMain, tempDir } from "./cli-helpers.ts";

const runtime = currentRuntime();
/** Requests between two snapshots: each leaks one RequestContext (and its listener). */
const REQUESTS = 40;

interface LeaksOut {
  clusters: { headline: string; holder: { label: string } | null; classes: { name: string; count: number }[]; allocatedAt: { frames: unknown[] } | null }[];
  snapshots?: string | null;
  between?: string;
}

/** The top cluster's holder and how many RequestContexts it holds. */
function topLeak(out: LeaksOut): { holder: string; contexts: number } {
  const top = out.clusters[0];
  assert.ok(top, "a leak cluster");
  return { holder: top.holder?.label ?? "", contexts: top.classes.find((c) => c.name === "RequestContext")?.count ?? 0 };
}

// One demo service for the file. Every runtime runs `leaks --port --run` (the CLI's shell, fetch
// and capture series under it); the capture --count and separate-connection checks, which add
// ~15 s, run under Node 20 (Node target) and Deno (Deno target) only.
let service: DemoService;
let tmp: { dir: string; remove: () => void };
let port: string;
let orders: string;
let fromLeaksPort: { holder: string; contexts: number } | null = null;

test.before(async () => {
  service = await startDemoService();
  tmp = tempDir("capture-count");
  port = new URL(service.inspectorUrl).port;
  orders = `${service.baseUrl}/orders`;
  await sendRequests(service.baseUrl, (i) => `/orders?warmup=${i}`, 20);
});

test.after(async () => {
  await service?.stop();
  tmp?.remove();
});

test(`leaks --port --run (${runtime}) finds the demo's leak in one command; a failing --run leaves no half file`, async () => {
  // baseline, the command, target, the command, final: one connection.
  const node = runtimes().find((r) => r.kind === "node")!.executable;
  const load = `"${node}" -e "(async()=>{for(let i=0;i<${REQUESTS};i++)await (await fetch('${orders}?run='+i)).text()})()"`;
  const kept = join(tmp.dir, "kept");
  const oneCommand = await mainJson<LeaksOut>(["leaks", "--port", port, "--run", load, "-o", kept]);
  fromLeaksPort = topLeak(oneCommand);
  assert.match(fromLeaksPort.holder, /EventEmitter\._events\.change/, "the demo's holder: the emitter's listener array");
  assert.is(fromLeaksPort.contexts, REQUESTS, "one RequestContext per request between baseline and target");
  assert.is(oneCommand.snapshots, kept);
  assert.equal(filesIn(kept), ["baseline.heapsnapshot", "final.heapsnapshot", "target.heapsnapshot"]);

  // A failing command: exit 2, one line naming it and its exit code; only complete files.
  const failing = join(tmp.dir, "failing");
  const failed = await runMain(["capture", "--port", port, "--count", "3", "--run", "echo no such load >&2; exit 3", "-o", failing]);
  assert.is(failed.code, 2, failed.stderr);
  assert.is(failed.stdout, "");
  assert.match(failed.stderr, /^heapgraph: capture: the action failed after snapshot 1 of 3: "echo no such load >&2; exit 3" exited with code 3 \(no such load\) \(complete: \S*1\.heapsnapshot\)\n$/);
  assert.equal(filesIn(failing), ["1.heapsnapshot"], "the complete first snapshot, no half-written file");
  assert.ok((await readSnapshot(join(failing, "1.heapsnapshot"))).nodeCount > 1000);
});

testWhen(runtime === "node20" || runtime === "deno", "the same Node target as under Node 20; run under Node 20 and Deno")(
  `capture --count 3 + leaks finds what leaks --port finds; three capture calls are refused by leaks and compared by counts only (${runtime})`,
  async () => {
    // One connection, three snapshots, requests between, allocations tracked: leaks finds the same leak.
    const dir = join(tmp.dir, "series");
    const series = await mainJson<{ files: string[]; snapshots: { file: string; nodeCount: number; allocations: boolean }[]; count: number }>(
      ["capture", "--port", port, "--count", "3", "--request", orders, "--repeat", String(REQUESTS), "--allocations", "-o", dir],
    );
    assert.equal(series.files, ["1", "2", "3"].map((n) => join(dir, `${n}.heapsnapshot`)));
    assert.equal(filesIn(dir), ["1.heapsnapshot", "2.heapsnapshot", "3.heapsnapshot"], "no temporary files left");
    assert.equal(series.snapshots.map((s) => s.allocations), [true, true, true], "allocation stacks in every snapshot");
    const leaks = await mainJson<LeaksOut>(["leaks", ...series.files]);
    assert.ok(leaks.clusters[0].allocatedAt && leaks.clusters[0].allocatedAt.frames.length > 0, "where the leaked objects were allocated");
    const fromSeries = topLeak(leaks);
    assert.ok(fromLeaksPort, "leaks --port ran first");
    assert.equal(fromSeries, fromLeaksPort, "the same holder and leaked contexts as leaks --port (and demo)");

    // Three capture calls, three connections: refused by leaks, compared by counts only.
    const singles = ["a", "b", "c"].map((n) => join(tmp.dir, `${n}.heapsnapshot`));
    for (const file of singles) {
      const one = await runMain(["capture", "--port", port, "-o", file]);
      assert.is(one.code, 0, one.stderr);
      await sendRequests(service.baseUrl, (i) => `/orders?single=${i}`, REQUESTS);
    }
    const refused = await runMain(["leaks", ...singles]);
    assert.is(refused.code, 1, refused.stdout);
    assert.is(refused.stdout, "");
    assert.match(refused.stderr, /^heapgraph: leaks: heap ids of \S*b\.heapsnapshot and \S*c\.heapsnapshot do not name the same objects as in \S*a\.heapsnapshot: of \d+ objects under ids both have, \d+ are different objects \(@\d+ is /);
    assert.match(refused.stderr, /different inspector connections or from different processes/);
    assert.match(refused.stderr, /heapgraph capture --port N --count 3 -o DIR/);
    const counts = await runMain(["compare", singles[0], singles[1]]);
    assert.is(counts.code, 0, counts.stderr);
    assert.match(counts.stdout, /^Counts only: \S*a\.heapsnapshot and \S*b\.heapsnapshot were taken over different inspector connections/);
    assert.match(counts.stdout, new RegExp(`RequestContext +[\\d,]+ +\\+${REQUESTS} `), "the class count delta");
    assert.not.match(counts.stdout, /New +Deleted/, "no new/deleted columns");
  },
);

// Enter between snapshots (the default): the command as users run it, from the sources, its stdin a pipe.
testWhen(runtime === "node20", "the same code under every runtime; run under Node 20 only")("capture --count waits for Enter; stdin ending first is a clear error, complete files kept (node20)", async () => {
  const dir = join(tmp.dir, "enter");
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@heapgraph/source", join(PACKAGE, "src", "cli.ts"), "capture", "--port", port, "--count", "3", "-o", dir], {
    cwd: repoRoot,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const prompted = (n: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if ((stderr.match(/press Enter to take the next/g) ?? []).length >= n) resolve();
      };
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString();
        check();
      });
      void exited.then(() => reject(new Error(`exited before prompt ${n}: ${stderr}`)));
      check();
    });
  const killer = setTimeout(() => child.kill("SIGKILL"), 90_000);
  try {
    await prompted(1);
    assert.match(stderr, /took snapshot 1 of 3; press Enter to take the next/);
    child.stdin.write("\n");
    await prompted(2);
    child.stdin.end();
    assert.is(await exited, 2, stderr);
    assert.match(stderr, /heapgraph: capture: the action failed after snapshot 2 of 3: stdin closed before Enter was pressed \(use --every S or --run CMD when nobody is at the keyboard\)/);
    assert.equal(filesIn(dir), ["1.heapsnapshot", "2.heapsnapshot"]);
  } finally {
    clearTimeout(killer);
    child.kill("SIGKILL");
  }
});

test(`capture --count and leaks --port: bad combinations are usage errors before connecting (${runtime})`, async () => {
  const cases: [string[], RegExp][] = [
    [["capture", "--port", "9", "--every", "5", "-o", "x.heapsnapshot"], /capture: --every needs --count K/],
    [["capture", "--port", "9", "--count", "3", "--every", "5", "--run", "true", "-o", "d"], /capture: give one of --every, --run/],
    [["capture", "--port", "9", "--count", "3", "-o", "x.heapsnapshot"], /with --count, -o names a directory/],
    [["leaks", "--port", "9"], /leaks: with --port\/--url, give the action between snapshots: --run CMD or --request URL/],
    [["leaks", "a", "b", "c", "--port", "9", "--run", "true"], /give either the BASELINE TARGET FINAL files or --port\/--url/],
    [["leaks", "a", "b", "c", "--run", "true"], /leaks: --run needs --port P or --url URL/],
    [["leaks", "a"], /leaks: missing TARGET FINAL/],
  ];
  for (const [args, message] of cases) {
    const run = await runMain(args);
    assert.is(run.code, 2, `${args.join(" ")}: ${run.stderr}`);
    assert.match(run.stderr, message);
  }
});

test.run();
