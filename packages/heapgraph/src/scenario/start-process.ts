/**
 * The process of a service scenario: started in its own process group, its inspector and
 * service URLs read from what it prints, and always stopped.
 *
 * @module
 */
import { spawnProcessGroup } from "../process/process-group.ts";
import process from "node:process";
import type { z } from "zod";
import { ScenarioError } from "./scenario-error.ts";
import type { startSchema } from "./scenario-schema.ts";

/**
 * A started scenario process.
 *
 * @example
 * ```ts
 * const service: ScenarioProcess = await startScenarioProcess({ command: "node", args: ["--inspect=127.0.0.1:0", "server.mjs"] }, ".");
 * await service.stop();
 * ```
 */
export interface ScenarioProcess {
  readonly pid: number;
  /** The command line, for messages. */
  readonly commandLine: string;
  /** The inspector: a `ws://` URL, or `http://127.0.0.1:PORT` for a fixed `inspectPort`. */
  readonly inspector: string;
  /** The service's base URL, or null when it printed none and none was given. */
  readonly url: string | null;
  /** The last lines it printed, for error messages. */
  output(): string;
  /** Kills the process group and waits (at most 5 s) for it to exit. Idempotent. */
  stop(): Promise<void>;
}

const INSPECTOR_URL = /(?:Debugger listening on|Visit chrome:\/\/inspect to connect to the debugger\.\s*)?(ws:\/\/[^\s]+)/;
const SERVICE_URL = /(https?:\/\/(?:127\.0\.0\.1|localhost|\[::1\]|0\.0\.0\.0):\d+)/;

/**
 * Starts `start.command` with `start.args` in its own process group and waits for its inspector's
 * `ws://` URL (Node and Deno print it on stderr with `--inspect=127.0.0.1:0`) and, unless
 * `start.url` is given, for the first loopback `http://` URL it prints on stdout.
 *
 * @throws {ScenarioError} `START_FAILED`: it could not start, exited, or printed no URL in time; the
 * process is killed.
 *
 * @example
 * ```ts
 * const service = await startScenarioProcess({ command: process.execPath, args: ["--inspect=127.0.0.1:0", "server.mjs"] }, dir);
 * try {
 *   console.log(service.inspector, service.url);
 * } finally {
 *   await service.stop();
 * }
 * ```
 */
export async function startScenarioProcess(start: z.output<typeof startSchema>, defaultCwd: string): Promise<ScenarioProcess> {
  const args = start.args ?? [];
  const commandLine = [start.command, ...args].join(" ");
  const timeoutMs = start.timeoutMs ?? 20_000;
  const service = spawnProcessGroup(start.command, args, { cwd: start.cwd ?? defaultCwd, env: { ...process.env, ...start.env } });
  const { pid, stop } = service;
  const output = () => {
    const { stdout, stderr } = service.output();
    return `${stderr}${stdout}`.trim().split("\n").slice(-5).join(" | ");
  };

  try {
    const ready = new Promise<{ inspector: string; url: string | null }>((resolve, reject) => {
      const check = () => {
        const { stdout: out, stderr: err } = service.output();
        const inspector = start.inspectPort ? `http://127.0.0.1:${start.inspectPort}` : INSPECTOR_URL.exec(err)?.[1] ?? INSPECTOR_URL.exec(out)?.[1];
        const url = start.url ?? SERVICE_URL.exec(out)?.[1]?.replace("0.0.0.0", "127.0.0.1");
        if (inspector && url) resolve({ inspector, url });
      };
      service.onOutput(check);
      check();
      void service.exit.then(() => reject(new Error(service.exited() ?? "exited")));
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const missing = [
          start.inspectPort || INSPECTOR_URL.test(service.output().stderr + service.output().stdout) ? null : "its inspector's ws:// URL (start it with --inspect=127.0.0.1:0)",
          start.url || SERVICE_URL.test(service.output().stdout) ? null : "a service URL on stdout (print it, or give start.url)",
        ].filter(Boolean);
        reject(new Error(`printed no ${missing.join(" and no ")} within ${timeoutMs / 1000} s`));
      }, timeoutMs);
    });
    const found = await Promise.race([ready, timeout]).finally(() => clearTimeout(timer));
    return { pid: pid!, commandLine, inspector: found.inspector, url: found.url, output, stop };
  } catch (error) {
    await stop();
    const said = output();
    throw new ScenarioError("START_FAILED", `the scenario's process (${commandLine}) ${error instanceof Error ? error.message : String(error)}${said ? `: ${said}` : ""}`, { cause: error });
  }
}
