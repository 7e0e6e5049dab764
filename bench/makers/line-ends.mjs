// V8 (Node 20) looks up a line number for every function when it writes a heap
// snapshot. For a script whose line-ends table is not cached yet, each look-up scans
// the source from the start: on the 9 MB typescript.js that turns a one-minute
// snapshot into hours. Formatting one stack trace that has a frame inside the script
// makes V8 build and cache the table, after which every look-up is a binary search.

/**
 * Calls `throwsInsideScript` (which must throw from code inside the big script) and
 * formats the error's stack trace, so that V8 caches that script's line ends.
 * Returns the first frame, for logging.
 */
export function cacheLineEnds(throwsInsideScript) {
  try {
    throwsInsideScript();
  } catch (err) {
    // Reading `stack` formats the frames, which computes their line numbers.
    const frames = String(err?.stack ?? "").split("\n").slice(1);
    return frames[0]?.trim() ?? "(no frame)";
  }
  throw new Error("cacheLineEnds: the callback did not throw, so no stack trace was formatted");
}
