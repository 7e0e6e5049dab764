// A target for remote capture tests (Node, Deno and Bun): holds a known structure,
// prints "inspect-target ready" on stdout, and stays alive until it is killed.
//
// The structure: globalThis.inspectTarget = { needles: [CaptureNeedle x 3], label }
// where each CaptureNeedle has `marker` = "capture-needle-<i>". Pass a count as
// argv[2] to hold more needles (a bigger heap, for tests that kill mid-snapshot).
// Literals, so that each marker is one flat string node (concatenation makes cons strings).
const MARKERS = ["capture-needle-0", "capture-needle-1", "capture-needle-2"];

class CaptureNeedle {
  constructor(i) {
    this.marker = MARKERS[i];
    this.index = i;
  }
}

class CaptureBallast {
  constructor(i) {
    this.i = i;
    this.text = `ballast-${i}`;
  }
}

const ballast = Number(globalThis.process?.argv?.[2] ?? 0);
globalThis.inspectTarget = {
  label: "inspect-target",
  needles: [new CaptureNeedle(0), new CaptureNeedle(1), new CaptureNeedle(2)],
  ballast: Array.from({ length: ballast }, (_, i) => new CaptureBallast(i)),
};
setInterval(() => {}, 1 << 30);
console.log("inspect-target ready");
