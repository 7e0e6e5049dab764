// The live leak check over the test process itself: startLeakCheck takes the baseline, target()
// and finish() the other two snapshots; the printed first line names the holder that grew.
import { EventEmitter } from "node:events";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { LiveError, NotSupportedError, startLeakCheck } from "../src/index.ts";
import { onBunOnly, rejection, sink, withLiveObjects } from "./live-helpers.ts";

class CheckedRequest {
  readonly serial: number;
  readonly body: string;
  constructor(serial: number) {
    this.serial = serial;
    this.body = `request ${serial} `.repeat(4);
  }
}

const bus = new EventEmitter();
bus.setMaxListeners(0);
bus.on("open", () => undefined);

withLiveObjects("startLeakCheck: the first line printed names the listener list that grew; steps out of order are refused", async () => {
  const check = await startLeakCheck();
  const early = await rejection(check.finish());
  assert.instance(early, LiveError, "steps out of order are refused");
  assert.match(early.message, /call target\(\) first/);
  for (let i = 0; i < 30; i++) {
    const request = new CheckedRequest(i);
    bus.on("request", () => request.serial);
  }
  await check.target();
  const out = sink();
  const report = await check.finish({ file: out });
  const [first, second] = out.lines();
  assert.match(first, /^(Leak|Leaks, largest first):$/);
  assert.match(second, /^ {2}1\. Array EventEmitter\._events\.request grew none → 30 → 30 elements, holding \d+ leaked objects \(30 (Function|CheckedRequest)/);
  assert.is(report.clusters[0].holder?.edge, "request");
  assert.ok(report.clusters[0].classes.some((c) => c.name === "CheckedRequest" && c.count === 30));
  await assert.not.throws(() => check.dispose());
  assert.instance(await rejection(check.target()), LiveError, "a finished check takes no more snapshots");
});

onBunOnly("startLeakCheck: Bun's renumbered ids are refused up front", async () => {
  assert.instance(await rejection(startLeakCheck()), NotSupportedError);
});

test.run();
