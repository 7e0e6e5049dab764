/**
 * The index cache during one `heapgraph` run: the files the command opened through the cache,
 * and, once the command has printed its answer, writing the caches whose analysis is worth
 * storing (see `openGraph` in `../files/load-graph.ts`). Made by `main.ts` for commands that
 * analyse files, unless `--no-cache`.
 *
 * @module
 */
import type { OpenedGraph } from "../files/load-graph.ts";
import type { CliIo } from "./cli-io.ts";

/**
 * One run's index cache.
 *
 * @example
 * ```ts
 * const cache = new CacheSession(io, debug);
 * await command.run(args, { io, progress, json, debug, cache });
 * await cache.flush();
 * ```
 */
export class CacheSession {
  readonly #io: CliIo;
  readonly #debug: boolean;
  readonly #opened: OpenedGraph[] = [];

  constructor(io: CliIo, debug: boolean) {
    this.#io = io;
    this.#debug = debug;
  }

  /** Records a graph opened through the cache (and says, with `--debug`, where it came from). */
  add(opened: OpenedGraph, path: string): void {
    this.#opened.push(opened);
    if (this.#debug) this.#io.err(`heapgraph: cache: ${path}: ${opened.source === "cache" ? `read from ${opened.cachePath}` : `analysed from the file${opened.rebuilt ? ` (cache ${opened.rebuilt.status}: ${opened.rebuilt.reason})` : ""}`}\n`);
  }

  /** Writes the caches worth writing, one after the other; failures were already warnings. */
  async flush(): Promise<void> {
    for (const opened of this.#opened) {
      const wrote = await opened.saveCache();
      if (wrote && this.#debug) this.#io.err(`heapgraph: cache: wrote ${opened.cachePath}\n`);
    }
    this.#opened.length = 0;
  }
}
