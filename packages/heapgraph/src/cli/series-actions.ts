/**
 * What happens between the snapshots of `heapgraph capture --count` and `heapgraph leaks
 * --port`: a shell command (`--run`), HTTP requests (`--request`), a pause (`--every`) or the
 * user pressing Enter; and the progress bar and errors of a capture series, as the command
 * line shows them.
 *
 * @module
 */
import { createInterface } from "node:readline";
import process from "node:process";
import { CaptureSeriesError } from "../capture/capture-series-error.ts";
import type { CaptureSeriesProgress } from "../capture/capture-series.ts";
import { runShellCommand } from "../capture/run-shell-command.ts";
import { captureError } from "./capture-error.ts";
import { CliError } from "./cli-error.ts";
import type { CommandContext } from "./command.ts";
import { countFlag, optionalCountFlag, textFlag, urlFlag } from "./flags.ts";
import { sendRequests } from "./http-load.ts";
import { formatSize } from "@heapgraph/render";

/**
 * The flags that say what runs between snapshots, shared by `capture` and `leaks`.
 *
 * @example
 * ```ts
 * const options = { ...SERIES_ACTION_FLAGS, port: optionalCountFlag("P", "inspector port") };
 * ```
 */
export const SERIES_ACTION_FLAGS = {
  run: textFlag("CMD", "run CMD through the shell between consecutive snapshots (its output is shown only if it fails; a non-zero exit ends the command)"),
  request: urlFlag("send a GET request to URL between consecutive snapshots (no shell needed; an answer other than 200 ends the command)", ["http", "https"]),
  repeat: { ...countFlag("run the --run command or send the --request R times between consecutive snapshots (default 1)", 1, { max: 1_000_000 }), value: "R" },
  "wait-after": optionalCountFlag("S", "seconds to wait after the action, before the next snapshot (let timers and requests finish)", { min: 1, max: 86_400 }),
};

/**
 * How the action between snapshots was chosen: the values of {@link SERIES_ACTION_FLAGS} and
 * `--every S` (capture only).
 *
 * @example
 * ```ts
 * const spec: SeriesActionSpec = { run: "curl -s localhost:3000/orders", repeat: 10 };
 * ```
 */
export interface SeriesActionSpec {
  readonly run?: string | undefined;
  readonly request?: string | undefined;
  readonly repeat: number;
  readonly every?: number | undefined;
  readonly "wait-after"?: number | undefined;
}

/**
 * The action between two snapshots for `spec`, and a phrase saying what it is (`run "CMD" 10
 * times`). With neither `--run`, `--request` nor `--every`, it waits for Enter on stdin (a line
 * when stdin is not a terminal), prompting on stderr; stdin closing before then is an error.
 *
 * @example
 * ```ts
 * const { between, what } = seriesAction({ every: 30, repeat: 1 }, ctx);
 * await captureSeries({ target, count: 3, outputDir: "snaps", between });
 * ```
 */
export function seriesAction(spec: SeriesActionSpec, ctx: CommandContext): { between: (taken: number, count: number) => Promise<void>; what: string; close: () => void } {
  const settle = async () => {
    const s = spec["wait-after"];
    if (s) await sleep(s * 1000);
  };
  const times = spec.repeat === 1 ? "" : ` ${spec.repeat} times`;
  if (spec.run !== undefined) {
    const command = spec.run;
    return {
      what: `ran ${JSON.stringify(command)}${times} between snapshots`,
      close: () => {},
      between: async (taken, count) => {
        for (let i = 0; i < spec.repeat; i++) {
          ctx.progress.update(`running the command after snapshot ${taken} of ${count}`, null, { detail: spec.repeat > 1 ? `${i + 1}/${spec.repeat}` : undefined });
          await runShellCommand(command);
        }
        await settle();
      },
    };
  }
  if (spec.request !== undefined) {
    const url = spec.request;
    return {
      what: `sent GET ${url}${times} between snapshots`,
      close: () => {},
      between: async (taken, count) => {
        ctx.progress.update(`sending requests after snapshot ${taken} of ${count}`, null, { detail: `${spec.repeat}` });
        await sendRequests(url, () => "", spec.repeat, 1);
        await settle();
      },
    };
  }
  if (spec.every !== undefined) {
    const seconds = spec.every;
    return {
      what: `one snapshot every ${seconds} s`,
      close: () => {},
      between: async (taken, count) => {
        ctx.progress.update(`waiting ${seconds} s after snapshot ${taken} of ${count}`, null);
        await sleep(seconds * 1000);
      },
    };
  }
  const lines = stdinLines();
  return {
    what: "a snapshot each time Enter was pressed",
    close: lines.close,
    between: async (taken, count) => {
      ctx.progress.clear();
      ctx.io.err(`heapgraph: took snapshot ${taken} of ${count}; press Enter to take the next\n`);
      if (!(await lines.next())) throw new Error("stdin closed before Enter was pressed (use --every S or --run CMD when nobody is at the keyboard)");
      await settle();
    },
  };
}

/**
 * The capture series' progress on the command's progress bar: the fraction is the share of
 * snapshots received, each counted by how far the target got building and sending it (or as
 * `fraction(index, count, within)` says, for commands that do more afterwards).
 *
 * @example
 * ```ts
 * await captureSeries({ target, count: 3, outputDir, onProgress: seriesProgress(ctx) });
 * ```
 */
export function seriesProgress(
  ctx: CommandContext,
  fraction: (index: number, count: number, within: number) => number = (index, count, within) => (index - 1 + within) / count,
): (p: CaptureSeriesProgress) => void {
  return (p) => {
    const of = `snapshot ${p.index} of ${p.count}`;
    if (p.phase === "connecting") ctx.progress.update("connecting", null);
    else if (p.phase === "gc") ctx.progress.update(`${of}: collecting garbage in the target`, fraction(p.index, p.count, 0));
    else if (p.phase === "snapshot") ctx.progress.update(`${of}: receiving`, fraction(p.index, p.count, p.total > 0 ? p.done / p.total : 0), { detail: formatSize(p.bytes) });
    else if (p.phase === "written") ctx.progress.update(`${of}: written`, fraction(p.index, p.count, 1), { file: p.file });
  };
}

/**
 * A capture series' failure as the command's: the action failing is `ACTION_FAILED` (exit 2),
 * a capture failing `CAPTURE_FAILED`, as for a single capture; the message says which snapshots
 * were written (each complete).
 *
 * @example
 * ```ts
 * const result = await captureSeries(options).catch((e) => Promise.reject(seriesError("capture", e)));
 * ```
 */
export function seriesError(command: string, error: unknown): unknown {
  if (error instanceof CaptureSeriesError) {
    if (error.code === "ACTION_FAILED") return new CliError("ACTION_FAILED", `${command}: the action failed ${error.message}`, { cause: error });
    if (error.code === "CAPTURE_FAILED") return new CliError("CAPTURE_FAILED", `capture failed: ${error.message}`, { cause: error });
    if (error.code === "CANNOT_WRITE") return new CliError("CANNOT_WRITE", `${command}: ${error.message}`, { cause: error });
    return new CliError("USAGE", `${command}: ${error.message} (see heapgraph ${command} --help)`, { cause: error });
  }
  return captureError(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Lines of stdin, one at a time; `next` resolves false once stdin has ended. */
function stdinLines(): { next: () => Promise<boolean>; close: () => void } {
  let rl: ReturnType<typeof createInterface> | null = null;
  let ended = false;
  const queued: string[] = [];
  const waiting: ((got: boolean) => void)[] = [];
  const open = () => {
    if (rl) return;
    rl = createInterface({ input: process.stdin, terminal: false });
    rl.on("line", (line) => {
      const w = waiting.shift();
      if (w) w(true);
      else queued.push(line);
    });
    rl.on("close", () => {
      ended = true;
      for (const w of waiting.splice(0)) w(false);
    });
  };
  return {
    next: () => {
      open();
      if (queued.length > 0) {
        queued.shift();
        return Promise.resolve(true);
      }
      if (ended) return Promise.resolve(false);
      return new Promise((resolve) => waiting.push(resolve));
    },
    close: () => {
      rl?.close();
      process.stdin.pause();
    },
  };
}
