/**
 * The series `heapgraph watch` keeps: per class, its count and shallow size at every sample,
 * in bounded memory, with the classes that grow steadily marked.
 *
 * @module
 */
import type { ClassSample } from "./class-sample.ts";
import { steadyGrowth, type SteadyGrowthOptions } from "./steady-growth.ts";

/**
 * One class's line in {@link WatchSeriesJson}: counts and sizes aligned with `samples`.
 *
 * @example
 * ```ts
 * const row: WatchClassJson = { name: "Item", growing: true, slope: 40, count: [10, 50, 90], selfSize: [320, 1600, 2880] };
 * ```
 */
export interface WatchClassJson {
  readonly name: string;
  /** Marked as growing steadily (see `steadyGrowth`). */
  readonly growing: boolean;
  /** Theil–Sen slope over the detection window: instances gained per sample. */
  readonly slope: number;
  /** Instances at each sample (0 where the class had none). */
  readonly count: readonly number[];
  /** Their shallow size in bytes at each sample. */
  readonly selfSize: readonly number[];
}

/**
 * The series as JSON (what `--out FILE.json` holds and the page's `/api/series` answers):
 * `samples[i]` and every class's `count[i]`, `selfSize[i]` are the same moment.
 *
 * @example
 * ```ts
 * const s = JSON.parse(readFileSync("watch.json", "utf8")) as WatchSeriesJson;
 * const times = s.samples.map((x) => new Date(x.time));
 * const items = s.classes.find((c) => c.name === "Item")!.count;
 * ```
 */
export interface WatchSeriesJson {
  readonly format: "heapgraph-watch";
  readonly version: 1;
  /** The inspector endpoint watched. */
  readonly target: string;
  /** Seconds between samples asked for. */
  readonly every: number;
  readonly samples: readonly { readonly time: number; readonly pauseMs: number; readonly nodeCount: number }[];
  /** The classes kept (see {@link WatchSeries.json}), largest last count first. */
  readonly classes: readonly WatchClassJson[];
  /** How many classes the last sample had in all (shown or not). */
  readonly classCount: number;
}

/**
 * Options of {@link WatchSeries}.
 *
 * @example
 * ```ts
 * new WatchSeries({ maxSamples: 100, growth: { floor: 5 } } satisfies WatchSeriesOptions);
 * ```
 */
export interface WatchSeriesOptions {
  /** Most samples kept (default 720); when full, every other old sample is dropped, so a long watch keeps its whole span at a coarser step. */
  readonly maxSamples?: number;
  /** The steady-growth rule's options. */
  readonly growth?: SteadyGrowthOptions;
  /** A class is kept in outputs once it has been among this many largest by count or by size (default 100); growing classes always are. */
  readonly keepTop?: number;
}

interface ClassLine {
  count: number[];
  selfSize: number[];
}

/**
 * Counts per class over time. Each sample's snapshot is dropped once counted: memory is the
 * series only, at most `maxSamples` numbers per class and measure.
 *
 * @example
 * ```ts
 * const series = new WatchSeries();
 * series.add(classSample(graph, { time: Date.now(), pauseMs: 30 }));
 * series.growing(); // ["Item"]
 * ```
 */
export class WatchSeries {
  readonly #maxSamples: number;
  readonly #growth: SteadyGrowthOptions;
  readonly #keepTop: number;
  #samples: { time: number; pauseMs: number; nodeCount: number }[] = [];
  readonly #classes = new Map<string, ClassLine>();
  /** Classes ever among the largest (kept in outputs). */
  readonly #kept = new Set<string>();
  #classCount = 0;
  #growing: string[] = [];

  constructor(options: WatchSeriesOptions = {}) {
    this.#maxSamples = Math.max(8, options.maxSamples ?? 720);
    this.#growth = options.growth ?? {};
    this.#keepTop = options.keepTop ?? 100;
  }

  /** How many samples are kept. */
  get length(): number {
    return this.#samples.length;
  }

  /**
   * Adds one sample (classes absent from it count 0), thins the series when full and marks
   * again which classes grow.
   *
   * @example
   * ```ts
   * series.add(classSample(graph, { time, pauseMs }));
   * ```
   */
  add(sample: ClassSample): void {
    const index = this.#samples.length;
    this.#samples.push({ time: sample.time, pauseMs: sample.pauseMs, nodeCount: sample.nodeCount });
    for (const [name, row] of sample.counts) {
      let line = this.#classes.get(name);
      if (!line) this.#classes.set(name, (line = { count: new Array<number>(index).fill(0), selfSize: new Array<number>(index).fill(0) }));
      line.count.push(row.count);
      line.selfSize.push(row.selfSize);
    }
    for (const line of this.#classes.values()) {
      if (line.count.length === index) {
        line.count.push(0);
        line.selfSize.push(0);
      }
    }
    this.#classCount = sample.counts.size;
    const entries = [...sample.counts];
    for (const key of ["count", "selfSize"] as const) {
      entries.sort((a, b) => b[1][key] - a[1][key]);
      for (const [name] of entries.slice(0, this.#keepTop)) this.#kept.add(name);
    }
    if (this.#samples.length > this.#maxSamples) this.#thin();
    this.#growing = [];
    for (const [name, line] of this.#classes) if (steadyGrowth(line.count, this.#growth).growing) this.#growing.push(name);
    this.#growing.sort((a, b) => this.#last(b) - this.#last(a));
  }

  /**
   * The classes marked as growing steadily, largest last count first.
   *
   * @example
   * ```ts
   * if (series.growing().includes("Item")) console.log("Item leaks");
   * ```
   */
  growing(): readonly string[] {
    return this.#growing;
  }

  /**
   * Whether a class was ever seen.
   *
   * @example
   * ```ts
   * series.has("Item"); // true
   * ```
   */
  has(name: string): boolean {
    return this.#classes.has(name);
  }

  /**
   * The series as JSON. `top` (default: every kept class) limits the classes to the growing
   * ones and the `top` largest by last count.
   *
   * @example
   * ```ts
   * JSON.stringify(series.json({ target: session.endpoint, every: 5 }));
   * ```
   */
  json(about: { readonly target: string; readonly every: number }, top?: number): WatchSeriesJson {
    const growing = new Set(this.#growing);
    let names = [...this.#classes.keys()].filter((n) => this.#kept.has(n) || growing.has(n));
    names.sort((a, b) => this.#last(b) - this.#last(a) || (a < b ? -1 : a > b ? 1 : 0));
    if (top !== undefined) {
      const largest = new Set(names.slice(0, top));
      names = names.filter((n) => largest.has(n) || growing.has(n));
    }
    const classes = names.map((name) => {
      const line = this.#classes.get(name)!;
      const { slope } = steadyGrowth(line.count, this.#growth);
      return { name, growing: growing.has(name), slope, count: [...line.count], selfSize: [...line.selfSize] };
    });
    return { format: "heapgraph-watch", version: 1, target: about.target, every: about.every, samples: [...this.#samples], classes, classCount: this.#classCount };
  }

  /**
   * The latest sample as CSV lines (`time,class,count,self_size,growing`, one line per kept
   * class), for appending to `--out FILE.csv`.
   *
   * @example
   * ```ts
   * appendFileSync("watch.csv", series.csvLines());
   * ```
   */
  csvLines(): string {
    const i = this.#samples.length - 1;
    if (i < 0) return "";
    const time = new Date(this.#samples[i].time).toISOString();
    const growing = new Set(this.#growing);
    let out = "";
    for (const [name, line] of this.#classes) {
      if (!this.#kept.has(name) && !growing.has(name)) continue;
      if (line.count[i] === 0 && !growing.has(name)) continue;
      out += `${time},${csvField(name)},${line.count[i]},${line.selfSize[i]},${growing.has(name) ? 1 : 0}\n`;
    }
    return out;
  }

  #last(name: string): number {
    const line = this.#classes.get(name);
    return line ? line.count[line.count.length - 1] : 0;
  }

  /** Drops every other sample but the latest `window`, and the classes that are 0 everywhere left. */
  #thin(): void {
    const n = this.#samples.length;
    const recent = Math.max(8, this.#growth.window ?? 8);
    const keep = (i: number) => i >= n - recent || i % 2 === 0;
    this.#samples = this.#samples.filter((_, i) => keep(i));
    for (const [name, line] of this.#classes) {
      line.count = line.count.filter((_, i) => keep(i));
      line.selfSize = line.selfSize.filter((_, i) => keep(i));
      if (line.count.every((c) => c === 0)) {
        this.#classes.delete(name);
        this.#kept.delete(name);
      }
    }
  }
}

/**
 * The CSV header of {@link WatchSeries.csvLines}.
 *
 * @example
 * ```ts
 * writeFileSync("watch.csv", WATCH_CSV_HEADER);
 * ```
 */
export const WATCH_CSV_HEADER = "time,class,count,self_size,growing\n";

/** A CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
