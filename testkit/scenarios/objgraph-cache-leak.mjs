// objgraph's documented memory leak, in JavaScript: a function that stores two
// MyBigFatObject instances under key 42 of a module-level cache, and drops a third.
// Snapshots (argv[2] is a directory): before.heapsnapshot, after.heapsnapshot.
import { snapshotSeries } from "./heap-snapshot-here.mjs";

class MyBigFatObject {
  constructor() {
    this.payload = new Array(64).fill(0);
  }
}

const cache = {};

function computeSomething() {
  cache[42] = { foo: new MyBigFatObject(), bar: new MyBigFatObject() };
  // a very explicit and easy-to-find "leak"; this one doesn't leak:
  const x = new MyBigFatObject();
  return x.payload.length;
}

const snapshot = snapshotSeries();
await snapshot("before");
computeSomething();
await snapshot("after");
