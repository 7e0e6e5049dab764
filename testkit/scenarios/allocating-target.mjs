// A target for allocation-tracking tests over the inspector (Node, Deno): allocates one
// TrackedNeedle every 10 ms in `allocateTrackedNeedle` (its `function` starts on line 12,
// column 31 at its `(`), keeping the last 1,000 on globalThis.allocatingTarget, prints
// "allocating-target ready" on stdout, and stays alive until it is killed.
class TrackedNeedle {
  constructor(i) {
    this.index = i;
  }
}

const held = [];
function allocateTrackedNeedle() {
  held.push(new TrackedNeedle(held.length));
  if (held.length > 1000) held.shift();
}

globalThis.allocatingTarget = { held };
setInterval(allocateTrackedNeedle, 10);
console.log("allocating-target ready");
