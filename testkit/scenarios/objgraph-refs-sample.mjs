// objgraph's quick-start example: x = []; y = [x, [x], dict(x=x)], kept by a holder
// object that tests find by class name. One snapshot to argv[2].
import { snapshotTo } from "./heap-snapshot-here.mjs";

class RefsSampleHolder {
  constructor(y) {
    this.y = y;
  }
}

function build() {
  const x = [];
  const y = [x, [x], { x }];
  return new RefsSampleHolder(y);
}

globalThis.refsSample = build();
await snapshotTo();
