/**
 * One `node:inspector` session into this very process (Node and Deno), opened on
 * first use and never closed: closing an inspector session makes V8 forget every heap
 * object id it handed out, after which ids from `heapIdOf` and from earlier snapshots
 * no longer match new snapshots.
 *
 * @module
 */
import { NotSupportedError } from "./not-supported-error.ts";
import { detectRuntime } from "./runtime.ts";

interface SessionLike {
  connect(): void;
  post(method: string, params: object, callback: (error: Error | null, result?: unknown) => void): void;
}

/** Commands into this process's own V8 inspector, one at a time. */
export interface InProcessInspector {
  /** Sends a command; rejects after `timeoutMs`. The pending timer also keeps Deno's event loop alive while waiting. */
  post<T = Record<string, unknown>>(method: string, params: Record<string, unknown>, timeoutMs: number): Promise<T>;
  /** Runs `task` with no other `exclusive` task in between (for work that uses a shared global slot). */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
}

let shared: Promise<InProcessInspector> | null = null;

/**
 * The process-wide inspector session. Throws {@link NotSupportedError} on Bun and in
 * browsers, and on Deno without `--allow-sys`.
 *
 * @example
 * ```ts
 * const inspector = await inProcessInspector("collectGarbage");
 * await inspector.post("HeapProfiler.collectGarbage", {}, 60_000);
 * ```
 */
export function inProcessInspector(operation: string): Promise<InProcessInspector> {
  const runtime = detectRuntime();
  if (runtime !== "node" && runtime !== "deno") {
    const why = runtime === "bun"
      ? "Bun has no in-process V8 inspector (its node:inspector Session is not implemented)"
      : "there is no node:inspector here";
    return Promise.reject(new NotSupportedError(operation, runtime, why));
  }
  shared ??= connect(operation, runtime).catch((error) => {
    shared = null;
    throw error;
  });
  return shared;
}

async function connect(operation: string, runtime: "node" | "deno"): Promise<InProcessInspector> {
  let Session: new () => SessionLike;
  try {
    Session = (await import("node:inspector")).Session as unknown as new () => SessionLike;
  } catch (error) {
    throw new NotSupportedError(operation, runtime, "node:inspector cannot be loaded", { cause: error });
  }
  const session = new Session();
  try {
    session.connect();
  } catch (error) {
    const why = runtime === "deno"
      ? "Deno's node:inspector needs sys permission: run with --allow-sys (or -A)"
      : `node:inspector refused to connect: ${(error as Error).message}`;
    throw new NotSupportedError(operation, runtime, why, { cause: error });
  }
  let chain: Promise<unknown> = Promise.resolve();
  return {
    post<T>(method: string, params: Record<string, unknown>, timeoutMs: number): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the in-process inspector did not answer ${method} within ${timeoutMs} ms`)), timeoutMs);
        try {
          session.post(method, params, (error, result) => {
            clearTimeout(timer);
            if (error) reject(error);
            else resolve(result as T);
          });
        } catch (error) {
          clearTimeout(timer);
          reject(error);
        }
      });
    },
    exclusive<T>(task: () => Promise<T>): Promise<T> {
      const run = chain.then(task, task);
      chain = run.catch(() => {});
      return run;
    },
  };
}
