// The three snapshots of a leak case, in memlab's order; a case directory holds
// `<name>.heapsnapshot` for each.
export const LEAK_SNAPSHOTS = ["baseline", "target", "final"];
