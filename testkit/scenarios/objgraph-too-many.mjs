// objgraph's "too many references" examples: an array of seven objects, and
// forty-two arrays that each hold the same object. One snapshot to argv[2].
import { snapshotTo } from "./heap-snapshot-here.mjs";

class TooManyItem {
  constructor(n) {
    this.n = n;
  }
}
class TooManyShared {}
class TooManyHolder {
  constructor() {
    this.seven = Array.from({ length: 7 }, (_, i) => new TooManyItem(i));
    this.arrays = TooManyHolder.makeArrays();
  }
  static makeArrays() {
    const shared = new TooManyShared();
    return Array.from({ length: 42 }, () => [shared]);
  }
}

globalThis.tooMany = new TooManyHolder();
await snapshotTo();
