// memlab's three snapshots on a classic Node leak: an EventEmitter that gains a listener per
// request, each listener a closure holding its request. Snapshots (argv[2] is a directory):
//   baseline.heapsnapshot  before any request (one request object made earlier stays alive);
//   target.heapsnapshot    after 20 requests, each with a short-lived RequestScratch;
//   final.heapsnapshot     after the requests are "done": the scratch objects are dropped,
//                          the listeners (and their requests) are not.
// Each snapshot is taken in a fresh task, so no stack slot of the script holds anything.
import { EventEmitter } from "node:events";
import { snapshotSeries } from "./heap-snapshot-here.mjs";

const REQUESTS = 20;

class LeakRequest {
  constructor(id) {
    this.id = id;
    this.body = `request body ${id} `.repeat(8);
  }
}

class RequestScratch {
  constructor(request) {
    this.request = request;
    this.buffer = new Array(32).fill(request.id);
  }
}

const bus = new EventEmitter();
bus.setMaxListeners(0);
const scratch = [];
const earlier = new LeakRequest(-1);

function handleRequest(id) {
  const request = new LeakRequest(id);
  scratch.push(new RequestScratch(request));
  bus.on("tick", () => request.id);
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
const snapshot = snapshotSeries();

await nextTask();
await snapshot("baseline");
for (let i = 0; i < REQUESTS; i++) handleRequest(i);
await nextTask();
await snapshot("target");
scratch.length = 0;
await nextTask();
await snapshot("final");
// keep the long-lived objects alive until the last snapshot
if (bus.listenerCount("tick") !== REQUESTS || earlier.id !== -1) throw new Error("unreachable");
