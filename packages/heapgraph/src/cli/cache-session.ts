/**
 * The index cache during one `heapgraph` run: the files the command opened through the cache,
 * and, once the command has printed its answer, writing the caches whose analysis is worth
 * storing (see `openGraph` in `../files/load-graph.ts`). Made by `main.ts` for commands that
 * analyse files, unless `--no-cache`.
 *
 * @module
 */
import { rm } from "node:fs/promises";
import type { OpenedGraph } from "../files/load-graph.ts";
import type { CliIo } from "./cli-io.ts";

/**
 * One run's index cache. `rebuild`: do not read caches, write them afresh (after a cache was
 * found damaged while a command used it).
 *
 * @example
 * ```ts
 * const cache = new CacheSession(io, debug);
 * await command.run(args, { io, progress, json, debug, cache });
 * await cache.flush();
 * ```
 */
export class CacheSession {
  readonly rebuild: boolean;
  readonly #io: CliIo;
  readonly #debug: boolean;
  readonly #opened: OpenedGraph[] = [];

  constructor(io: CliIo, debug: boolean, options: { rebuild?: boolean } = {}) {
    this.#io = io;
    this.#debug = debug;
    this.rebuild = options.rebuild ?? false;
  }

  /** Whether a graph of this run came from a cache file (so a damaged section may still turn up). */
  servedFromCache(): boolean {
    return this.#opened.some((opened) => opened.source === "cache");
  }

  /** Removes the cache files this run read (one of them turned out damaged); resolves with their paths. */
  async discard(): Promise<string[]> {
    const paths = this.#opened.filter((o) => o.source === "cache" && o.cachePath).map((o) => o.cachePath!);
    for (const path of paths) await rm(path, { force: true }).catch(() => {});
    this.#opened.length = 0;
    return paths;
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
