/**
 * `heapgraph cache info|clear`: where the index cache lives, what it holds, and emptying it.
 *
 * @module
 */
import process from "node:process";
import { resolve } from "node:path";
import { countNoun, formatSize } from "@heapgraph/render";
import { clearIndexCaches, DEFAULT_CACHE_MAX_BYTES, indexCacheDir, indexCacheInfo } from "@heapgraph/snapshot";
import { z } from "zod";
import { usage } from "../args.ts";
import { defineCommand } from "../command.ts";
import { printResult } from "../output.ts";

const ACTIONS = z.enum(["info", "clear"]);

/**
 * `cache info` (JSON: `{ dir, files: [{ path, bytes, usedMs }], bytes, maxBytes }`) and
 * `cache clear` (JSON: `{ dir, removedFiles, removedBytes }`).
 *
 * @example
 * ```ts
 * await main(["cache", "info", "--json"]);
 * ```
 */
export const cacheCommand = defineCommand({
  name: "cache",
  summary: "show or clear the index cache that makes a second command on the same snapshot fast",
  positionals: ["info|clear"],
  options: {},
  indexCache: false,
  details: `
Commands that analyse a snapshot (summary, chain, leaks, ...) store what the analysis computed
in an index cache file, so that the next command on the same file content opens it without
parsing or analysing it again. The cache directory is $HEAPGRAPH_CACHE_DIR, else
$XDG_CACHE_HOME/heapgraph, else ~/.cache/heapgraph: one file per snapshot (about 1.1 to 1.2
times the snapshot's size), the least recently used removed once the directory passes
$HEAPGRAPH_CACHE_MAX_BYTES (default 8 GB). A cache whose snapshot changed, or that is damaged,
is rebuilt, never trusted. --no-cache on any of those commands neither reads nor writes it.

info lists the cache files; clear removes them (the same as deleting the directory). To keep
the cache elsewhere: HEAPGRAPH_CACHE_DIR=/fast/disk heapgraph summary app.heapsnapshot`,
  examples: ["heapgraph cache info", "heapgraph cache clear"],
  async run(args, ctx) {
    const action = ACTIONS.safeParse(args.positionals[0]);
    if (!action.success) throw usage(this, `the action is info or clear, got ${JSON.stringify(args.positionals[0])}`);
    const dir = resolve(indexCacheDir(process.env));
    if (action.data === "clear") {
      const { files, bytes } = await clearIndexCaches(dir);
      printResult(ctx, { dir, removedFiles: files, removedBytes: bytes }, () => `removed ${countNoun(files, "cache file")} (${formatSize(bytes)}) from ${dir}\n`);
      return;
    }
    const { files, bytes } = await indexCacheInfo(dir);
    const maxBytes = Number(process.env.HEAPGRAPH_CACHE_MAX_BYTES) > 0 ? Number(process.env.HEAPGRAPH_CACHE_MAX_BYTES) : DEFAULT_CACHE_MAX_BYTES;
    printResult(ctx, { dir, files, bytes, maxBytes }, () =>
      [
        `index cache: ${dir}`,
        `  ${countNoun(files.length, "file")}, ${formatSize(bytes)} of at most ${formatSize(maxBytes)} (least recently used removed first)`,
        ...files.map((f) => `  ${formatSize(f.bytes).padStart(9)}  ${new Date(f.usedMs).toISOString().slice(0, 16).replace("T", " ")}  ${f.path}`),
        "",
      ].join("\n"),
    );
  },
});
