/**
 * The `--out` file of `heapgraph watch`: the series as JSON, rewritten whole after every
 * sample, or as CSV, one line per class appended after every sample.
 *
 * @module
 */
import { appendFile } from "node:fs/promises";
import { writeFileAtomically } from "../../files/write-file-atomically.ts";
import type { HeapWatch } from "./heap-watch.ts";
import { WATCH_CSV_HEADER } from "./watch-series.ts";

/**
 * Keeps `path` up to date with a watch's series. `.json`: the whole `WatchSeriesJson`, written
 * beside the file and renamed over it, so a reader never sees half a file. `.csv`: the header
 * when created, then after each sample that sample's lines (`time,class,count,self_size,growing`,
 * long format: one line per class kept) appended in one write. Writes run one at a time; when
 * samples come faster than a JSON file is written, the latest series is written next.
 *
 * @example
 * ```ts
 * const out = await WatchOutput.create("watch.json", watch);
 * // after each sample:
 * out.sampled();
 * // at the end:
 * await out.flush();
 * ```
 */
export class WatchOutput {
  readonly path: string;
  readonly #watch: HeapWatch;
  readonly #csv: boolean;
  #queue: Promise<void> = Promise.resolve();
  #jsonDue = false;
  /** The first write error, kept for {@link flush}. */
  #error: unknown = null;

  private constructor(path: string, watch: HeapWatch) {
    this.path = path;
    this.#watch = watch;
    this.#csv = /\.csv$/i.test(path);
  }

  /**
   * Starts the file: for CSV, its header now (replacing any old file); for JSON, the empty series.
   * Rejects with the file system's error when the file cannot be written.
   *
   * @example
   * ```ts
   * const out = await WatchOutput.create("watch.csv", watch);
   * ```
   */
  static async create(path: string, watch: HeapWatch): Promise<WatchOutput> {
    const out = new WatchOutput(path, watch);
    await writeFileAtomically(path, out.#csv ? WATCH_CSV_HEADER : out.#json());
    return out;
  }

  /**
   * Queues the write of the latest sample.
   *
   * @example
   * ```ts
   * const watch = await HeapWatch.open(target, { onSample: () => out?.sampled() });
   * ```
   */
  sampled(): void {
    if (this.#csv) {
      const lines = this.#watch.series.csvLines();
      this.#enqueue(() => appendFile(this.path, lines));
    } else if (!this.#jsonDue) {
      this.#jsonDue = true;
      this.#enqueue(async () => {
        this.#jsonDue = false;
        await writeFileAtomically(this.path, this.#json());
      });
    }
  }

  /**
   * Waits for the queued writes and writes the JSON file a last time; rejects with the first
   * write error there was.
   *
   * @example
   * ```ts
   * await out.flush();
   * ```
   */
  async flush(): Promise<void> {
    if (!this.#csv) this.#enqueue(() => writeFileAtomically(this.path, this.#json()));
    await this.#queue;
    if (this.#error !== null) throw this.#error;
  }

  #json(): string {
    return `${JSON.stringify(this.#watch.series.json({ target: this.#watch.endpoint, every: this.#watch.every }))}\n`;
  }

  #enqueue(task: () => Promise<void>): void {
    this.#queue = this.#queue.then(task).catch((error: unknown) => {
      this.#error ??= error;
    });
  }
}
