/**
 * The demo's leaky service (`assets/leaky-service.mjs`) as a child process with its
 * inspector open: started in its own process group, and always stopped, also when the
 * command is interrupted.
 *
 * @module
 */
import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { CliError } from "./cli-error.ts";

/**
 * The service script, shipped in the package's `assets` folder (same place from `src/` and `dist/`).
 *
 * @example
 * ```ts
 * spawn(process.execPath, ["--inspect=127.0.0.1:0", LEAKY_SERVICE]);
 * ```
 */
export const LEAKY_SERVICE = fileURLToPath(new URL("../../assets/leaky-service.mjs", import.meta.url));

/**
 * A running service.
 *
 * @example
 * ```ts
 * const service: DemoService = await startDemoService();
 * await service.stop();
 * ```
 */
export interface DemoService {
  readonly pid: number;
  /** `http://127.0.0.1:PORT` */
  readonly baseUrl: string;
  readonly port: number;
  /** The inspector's `ws://` URL. */
  readonly inspectorUrl: string;
  /** The command line, for messages. */
  readonly commandLine: string;
  /** Kills the service's process group and waits (at most 5 s) for it to exit. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts the leaky service with `--inspect=127.0.0.1:0` and waits (at most `timeoutMs`) for
 * its inspector URL on stderr and its port on stdout. Node runs it under Node, Deno under
 * Deno; under Bun, whose inspector does not keep heap ids, the `node` on PATH runs it.
 * Fails with `DEMO_FAILED`; the process is killed on any failure.
 *
 * @example
 * ```ts
 * const service = await startDemoService();
 * try {
 *   console.log(service.baseUrl, service.inspectorUrl);
 * } finally {
 *   await service.stop();
 * }
 * ```
 */
export async function startDemoService(timeoutMs = 20_000): Promise<DemoService> {
  const [command, ...args] = serviceCommand();
  const commandLine = [command, ...args].join(" ");
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
  const pid = child.pid;
  let out = "";
  let err = "";
  let exited: string | null = null;
  let spawnError: Error | null = null;
  const exit = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exited = signal ? `killed by ${signal}` : `exited with code ${code}`;
      resolve();
    });
    child.once("error", (error) => {
      spawnError = error;
      exited ??= `could not start (${error.message})`;
      resolve();
    });
  });
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
  // Interrupting the command must not leave the service running: it is in its own process group.
  const onSignal = (signal: NodeJS.Signals) => {
    kill();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const s of signals) process.once(s, onSignal);
  process.once("exit", kill);
  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      for (const s of signals) process.removeListener(s, onSignal);
      process.removeListener("exit", kill);
      kill();
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([exit, new Promise<void>((resolve) => (timer = setTimeout(resolve, 5_000)))]);
      clearTimeout(timer);
      child.stdout?.destroy();
      child.stderr?.destroy();
    })());

  try {
    child.stdout?.setEncoding("utf8");
    child.stderr?.setEncoding("utf8");
    const ready = new Promise<{ inspectorUrl: string; port: number }>((resolve, reject) => {
      const check = () => {
        const inspector = /Debugger listening on (ws:\/\/\S+)/.exec(err)?.[1];
        const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1];
        if (inspector && port) resolve({ inspectorUrl: inspector, port: Number(port) });
      };
      child.stdout?.on("data", (d: string) => ((out += d), check()));
      child.stderr?.on("data", (d: string) => ((err += d), check()));
      void exit.then(() => reject(new Error(exited ?? "exited")));
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`did not start within ${timeoutMs / 1000} s`)), timeoutMs)));
    const { inspectorUrl, port } = await Promise.race([ready, timeout]).finally(() => clearTimeout(timer));
    return { pid: pid!, port, baseUrl: `http://127.0.0.1:${port}`, inspectorUrl, commandLine, stop };
  } catch (error) {
    await stop();
    const output = `${err}${out}`.trim().split("\n").slice(-3).join(" | ");
    const why = error instanceof Error ? error.message : String(error);
    throw new CliError("DEMO_FAILED", `demo: the service (${commandLine}) ${why}${output ? `: ${output}` : ""}`, { cause: spawnError ?? error });
  }
}

/** The command line that runs the service with its inspector on a free loopback port. */
function serviceCommand(): string[] {
  const g = globalThis as { Deno?: unknown; Bun?: unknown };
  if (g.Deno) return [process.execPath, "run", "--inspect=127.0.0.1:0", "--allow-net", LEAKY_SERVICE];
  if (g.Bun) {
    const node = findOnPath("node");
    if (!node) throw new CliError("DEMO_FAILED", "demo: under Bun the service needs Node (Bun's inspector renumbers heap objects in every snapshot), and no node is on PATH");
    return [node, "--inspect=127.0.0.1:0", LEAKY_SERVICE];
  }
  return [process.execPath, "--inspect=127.0.0.1:0", LEAKY_SERVICE];
}

function findOnPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}
