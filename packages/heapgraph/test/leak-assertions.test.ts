// findLeaksIn / assertNoLeaks in this process: what they refuse (no snapshot needed), and one
// real check of a leaky closure list (leak-assertions-runners.test.ts covers the fixed case and
// each runner's output).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { currentRuntime, testWhen } from "@heapgraph/testkit";
import { assertNoLeaks, findLeaksIn, LeakAssertionError, LiveError } from "../src/index.ts";

const runtime = currentRuntime();

test(`findLeaksIn (${runtime}) refuses a non-function and bad options, naming them`, async () => {
  const refused = async (run: () => Promise<unknown>, code: string, message: RegExp) => {
    try {
      await run();
    } catch (error) {
      assert.instance(error, LiveError);
      assert.is((error as LiveError).code, code);
      assert.match((error as Error).message, message);
      return;
    }
    assert.unreachable("did not throw");
  };
  await refused(() => findLeaksIn("not a function" as unknown as () => void), "INVALID_ARGUMENT", /^findLeaksIn: the action must be a function \(got "not a function"\)$/);
  await refused(() => findLeaksIn(() => {}, { iterations: 1 }), "INVALID_OPTIONS", /iterations/);
  await refused(() => assertNoLeaks(() => {}, { iteration: 5 } as never), "INVALID_OPTIONS", /unknown option "iteration"/);
});

// Three snapshots of this process cost seconds; the runners' test covers node20 and Deno already.
const inProcess = runtime === "node24" || runtime === "bun";
testWhen(inProcess, "the in-process check runs under node24 and Bun (the runners' test checks node20 and Deno)")(`assertNoLeaks (${runtime}) throws LeakAssertionError with the report when a closure list grows`, async () => {
  const listeners: (() => number)[] = [];
  class Payload {
    readonly rows = new Array(30).fill(0);
  }
  try {
    await assertNoLeaks(() => {
      const payload = new Payload();
      listeners.push(() => payload.rows.length);
    }, { iterations: 6, warmup: 1 });
  } catch (error) {
    assert.instance(error, LeakAssertionError);
    const report = (error as LeakAssertionError).report;
    assert.is((error as LeakAssertionError).code, "LEAKS_FOUND");
    assert.is((error as Error).message, report.text.trimEnd());
    if (runtime === "bun") {
      assert.is(report.method, "class-counts");
      assert.ok(report.growingClasses.some((c) => c.name === "Payload" && c.counts[1] - c.counts[0] === 6 && c.counts[2] - c.counts[1] === 6), report.text);
    } else {
      assert.is(report.method, "ids");
      assert.match(report.text, /Array .*\.listeners grew \d+ → \d+ → \d+ elements/, report.text);
      assert.is(report.clusters[0].holder?.entries[2]! - report.clusters[0].holder?.entries[0]!, 12);
    }
    return;
  }
  assert.unreachable("the growing listener list was not reported");
});

test.run();
