/**
 * A child process in a process group of its own, which the command that started it stops as a
 * whole: the demo's service and a scenario's service (`heapgraph run`) are started this way, so
 * that neither an error nor Ctrl-C leaves them running.
 *
 * @module
 */
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import process from "node:process";

/** How long {@link ProcessGroup.stop} waits for the exit after killing the group. */
const STOP_WAIT_MS = 5_000;
const SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/** A child process started by {@link spawnProcessGroup}, with its output as text. */
export interface ProcessGroup {
  readonly child: ChildProcess;
  readonly pid: number | undefined;
  /** Resolves once the child exited or could not start. */
  readonly exit: Promise<void>;
  /** How it ended (`exited with code 3`, `was killed by SIGKILL`, `could not start (…)`), or null while it runs. */
  exited(): string | null;
  /** The error that kept it from starting, if any. */
  spawnError(): Error | null;
  /** What it printed so far, stdout and stderr, each cut to its last 8,000 characters. */
  output(): { stdout: string; stderr: string };
  /** Calls `check` after each chunk either stream prints. */
  onOutput(check: () => void): void;
  /** Kills the group (SIGKILL), waits up to 5 s for the exit, closes the pipes; the first call does it, later ones wait for it. */
  stop(): Promise<void>;
}

/**
 * Starts `command` in a new process group, stdout and stderr piped as UTF-8 text. The group is
 * killed when this process exits and, with `killOnSignals`, when it is interrupted (SIGINT,
 * SIGTERM, SIGHUP: then this process exits too, with 130 or 143, as a shell would).
 *
 * @example
 * ```ts
 * const service = spawnProcessGroup(process.execPath, ["--inspect=127.0.0.1:0", "server.mjs"]);
 * service.onOutput(() => console.log(service.output().stderr));
 * await service.stop();
 * ```
 */
export function spawnProcessGroup(
  command: string,
  args: readonly string[],
  options: Pick<SpawnOptions, "cwd" | "env"> & { killOnSignals?: boolean } = {},
): ProcessGroup {
  const { killOnSignals = false, ...spawnOptions } = options;
  const child = spawn(command, args, { ...spawnOptions, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const pid = child.pid;
  let stdout = "";
  let stderr = "";
  let exited: string | null = null;
  let spawnError: Error | null = null;
  const exit = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exited = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      resolve();
    });
    child.once("error", (error) => {
      spawnError = error;
      exited ??= `could not start (${error.message})`;
      resolve();
    });
  });
  const checks: (() => void)[] = [];
  const keep = (text: string) => text.slice(-8_000);
  child.stdout?.setEncoding("utf8");
  child.stderr?.setEncoding("utf8");
  child.stdout?.on("data", (d: string) => ((stdout = keep(stdout + d)), checks.forEach((c) => c())));
  child.stderr?.on("data", (d: string) => ((stderr = keep(stderr + d)), checks.forEach((c) => c())));

  const kill = () => {
    if (pid === undefined || exited) return;
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    kill();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  if (killOnSignals) for (const s of SIGNALS) process.once(s, onSignal);
  process.once("exit", kill);
  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      for (const s of SIGNALS) process.removeListener(s, onSignal);
      process.removeListener("exit", kill);
      kill();
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([exit, new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS)))]);
      clearTimeout(timer);
      child.stdout?.destroy();
      child.stderr?.destroy();
    })());

  return {
    child,
    pid,
    exit,
    exited: () => exited,
    spawnError: () => spawnError,
    output: () => ({ stdout, stderr }),
    onOutput: (check) => void checks.push(check),
    stop,
  };
}
