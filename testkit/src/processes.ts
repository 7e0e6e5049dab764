/**
 * Child processes for tests that are always ended: each runs in its own process
 * group, `kill()` ends the whole group, `withProcess` kills it in `finally`, and an
 * exit hook kills whatever a crashed test left behind. Every wait has a timeout.
 *
 * @example
 * ```ts
 * import { withProcess } from "@heapgraph/testkit";
 * await withProcess("node", ["--inspect=127.0.0.1:0", "target.mjs"], async (child) => {
 *   const [, url] = await child.waitForLine(/Debugger listening on (ws:\S+)/, { stream: "stderr" });
 *   console.log("inspector at", url);
 * });
 * ```
 *
 * @module
 */
import { spawn, type ChildProcess } from "node:child_process";
import process from "node:process";

/** How a tracked process ended. */
export interface ProcessExit {
  code: number | null;
  signal: string | null;
}

export interface SpawnTrackedOptions {
  cwd?: string;
  /** Environment of the child; defaults to this process's. */
  env?: Record<string, string | undefined>;
  /** Kill the process group after this many ms, whatever happens (default 120 000). */
  lifetimeMs?: number;
}

export interface WaitForLineOptions {
  /** Default 15 000 ms. */
  timeoutMs?: number;
  /** Which output to watch (default both). */
  stream?: "stdout" | "stderr" | "both";
}

/** A child process in its own process group. */
export interface TrackedProcess {
  readonly pid: number;
  /** The command line, for messages. */
  readonly commandLine: string;
  /** Settles when the process has exited (never rejects). */
  readonly exited: Promise<ProcessExit>;
  /** The exit status once the process has exited, else null. */
  readonly exitStatus: ProcessExit | null;
  stdout(): string;
  stderr(): string;
  /**
   * Resolves with the match of the first output line matching `pattern`, also when it
   * was printed before the call. Rejects on timeout or when the process exits first;
   * the message carries the output so far.
   */
  waitForLine(pattern: RegExp, options?: WaitForLineOptions): Promise<RegExpMatchArray>;
  /** Kills the whole process group (SIGKILL by default) and waits up to `timeoutMs` (default 5 000) for the exit. */
  kill(signal?: NodeJS.Signals, timeoutMs?: number): Promise<ProcessExit | null>;
}

const live = new Set<number>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const pid of live) killGroup(pid, "SIGKILL");
  });
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/**
 * Starts `command` in a new process group with piped output and tracks it until it exits.
 *
 * @example
 * ```ts
 * const child = spawnTracked("node", ["-e", "console.log('hi'); setInterval(() => {}, 1000)"]);
 * try {
 *   await child.waitForLine(/hi/);
 * } finally {
 *   await child.kill();
 * }
 * ```
 */
export function spawnTracked(command: string, args: readonly string[], options: SpawnTrackedOptions = {}): TrackedProcess {
  installExitHook();
  const child: ChildProcess = spawn(command, [...args], {
    cwd: options.cwd,
    env: (options.env ?? process.env) as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const commandLine = [command, ...args].join(" ");
  if (child.pid === undefined) {
    throw new Error(`could not start ${commandLine}`);
  }
  const pid = child.pid;
  live.add(pid);
  let out = "";
  let err = "";
  let exitStatus: ProcessExit | null = null;
  const watchers = new Set<() => void>();
  const notify = () => {
    for (const w of [...watchers]) w();
  };
  child.stdout?.setEncoding("utf8");
  child.stderr?.setEncoding("utf8");
  child.stdout?.on("data", (d: string) => {
    out += d;
    notify();
  });
  child.stderr?.on("data", (d: string) => {
    err += d;
    notify();
  });
  const lifetime = setTimeout(() => killGroup(pid, "SIGKILL"), options.lifetimeMs ?? 120_000);
  const exited = new Promise<ProcessExit>((resolve) => {
    const done = (code: number | null, signal: string | null) => {
      if (exitStatus) return;
      exitStatus = { code, signal };
      clearTimeout(lifetime);
      live.delete(pid);
      // Whatever the child left in its group goes with it.
      killGroup(pid, "SIGKILL");
      resolve(exitStatus);
      notify();
    };
    child.on("exit", done);
    child.on("error", (error) => {
      err += `\n[spawn error] ${error.message}`;
      done(null, null);
    });
  });

  const tracked: TrackedProcess = {
    pid,
    commandLine,
    exited,
    get exitStatus() {
      return exitStatus;
    },
    stdout: () => out,
    stderr: () => err,
    waitForLine(pattern, { timeoutMs = 15_000, stream = "both" } = {}) {
      const text = () => (stream === "stdout" ? out : stream === "stderr" ? err : `${out}\n${err}`);
      const find = () => {
        for (const line of text().split(/\r?\n/)) {
          const m = line.match(pattern);
          if (m) return m;
        }
        return null;
      };
      return new Promise((resolve, reject) => {
        const describe = () => `${commandLine}\n--- stdout ---\n${out}\n--- stderr ---\n${err}`;
        const check = () => {
          const m = find();
          if (m) {
            finish();
            resolve(m);
          } else if (exitStatus) {
            finish();
            reject(new Error(`${pattern} never appeared: the process exited (${JSON.stringify(exitStatus)})\n${describe()}`));
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`${pattern} did not appear within ${timeoutMs} ms\n${describe()}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          watchers.delete(check);
        };
        watchers.add(check);
        check();
      });
    },
    async kill(signal = "SIGKILL", timeoutMs = 5_000) {
      if (exitStatus) {
        killGroup(pid, "SIGKILL");
        return exitStatus;
      }
      killGroup(pid, signal);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
      const result = await Promise.race([exited, timeout]);
      clearTimeout(timer);
      if (!result) killGroup(pid, "SIGKILL");
      return result;
    },
  };
  return tracked;
}

/**
 * Runs `fn` with a tracked child process and kills the child's process group when
 * `fn` settles, whether it returned or threw.
 *
 * @example
 * ```ts
 * const url = await withProcess("deno", ["run", "--inspect=127.0.0.1:0", "t.mjs"], async (child) =>
 *   (await child.waitForLine(/(ws:\/\/\S+)/, { stream: "stderr" }))[1]);
 * ```
 */
export async function withProcess<T>(
  command: string,
  args: readonly string[],
  fn: (child: TrackedProcess) => Promise<T>,
  options: SpawnTrackedOptions = {},
): Promise<T> {
  const child = spawnTracked(command, args, options);
  try {
    return await fn(child);
  } finally {
    await child.kill();
  }
}
