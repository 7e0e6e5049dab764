// Loaded with `node --import` into a child process the bench times (heapgraph-cli.mjs): when
// the child exits, writes its peak resident set size in kB (`process.resourceUsage().maxRSS`,
// the whole process's, worker threads included) to the file named by
// $HEAPGRAPH_BENCH_MAX_RSS_FILE, so that the harness reports the child's memory rather than its
// own. Only the main thread writes (worker threads inherit the --import); nothing else changes.
import { writeFileSync } from "node:fs";
import process from "node:process";
import { isMainThread } from "node:worker_threads";

const file = process.env.HEAPGRAPH_BENCH_MAX_RSS_FILE;
if (file && isMainThread) {
  process.on("exit", () => {
    try {
      writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // The harness says the figure is missing; the child's own exit code stands.
    }
  });
}
