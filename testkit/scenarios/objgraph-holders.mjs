// Objects kept alive in four less obvious ways: by a suspended generator, by a closure,
// only through a WeakRef, and as a WeakMap value whose key is alive. One snapshot to argv[2].
import { snapshotTo } from "./heap-snapshot-here.mjs";

class HeldByGenerator {}
class HeldByClosure {}
class HeldByWeakRef {}
class WeakMapKey {}
class WeakMapValue {}

function* generator() {
  const held = new HeldByGenerator();
  yield 1;
  return held;
}

function makeClosure() {
  const held = new HeldByClosure();
  return () => held;
}

function makeWeakRef() {
  return new WeakRef(new HeldByWeakRef());
}

function makeWeakMap(key) {
  const map = new WeakMap();
  map.set(key, new WeakMapValue());
  return map;
}

class HoldersScenario {
  constructor() {
    this.suspended = generator();
    this.suspended.next();
    this.closure = makeClosure();
    this.weakRef = makeWeakRef();
    this.key = new WeakMapKey();
    this.weakMap = makeWeakMap(this.key);
  }
}

globalThis.holders = new HoldersScenario();
// The WeakRef target is written to the snapshot because the snapshot is taken in the
// job that created it (V8 keeps WeakRef targets until the end of the current job).
await snapshotTo();
