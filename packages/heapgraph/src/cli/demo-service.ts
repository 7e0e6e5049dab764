/**
 * The demo's leaky service (`assets/leaky-service.mjs`) as a child process with its
 * inspector open: started in its own process group, and always stopped, also when the
 * command is interrupted.
 *
 * @module
 */
import { spawnProcessGroup } from "../process/process-group.ts";
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
  // Interrupting the command must not leave the service running: it is in its own process group.
  const service = spawnProcessGroup(command, args, { killOnSignals: true });
  const { pid, stop } = service;

  try {
    const ready = new Promise<{ inspectorUrl: string; port: number }>((resolve, reject) => {
      const check = () => {
        const { stdout, stderr } = service.output();
        const inspector = /Debugger listening on (ws:\/\/\S+)/.exec(stderr)?.[1];
        const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout)?.[1];
        if (inspector && port) resolve({ inspectorUrl: inspector, port: Number(port) });
      };
      service.onOutput(check);
      void service.exit.then(() => reject(new Error(service.exited() ?? "exited")));
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`did not start within ${timeoutMs / 1000} s`)), timeoutMs)));
    const { inspectorUrl, port } = await Promise.race([ready, timeout]).finally(() => clearTimeout(timer));
    return { pid: pid!, port, baseUrl: `http://127.0.0.1:${port}`, inspectorUrl, commandLine, stop };
  } catch (error) {
    await stop();
    const { stdout, stderr } = service.output();
    const output = `${stderr}${stdout}`.trim().split("\n").slice(-3).join(" | ");
    const why = error instanceof Error ? error.message : String(error);
    throw new CliError("DEMO_FAILED", `demo: the service (${commandLine}) ${why}${output ? `: ${output}` : ""}`, { cause: service.spawnError() ?? error });
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
