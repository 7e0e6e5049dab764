/**
 * One `node:inspector` session into this very process, opened on first use and never
 * closed: closing an inspector session makes V8 forget every heap object id it handed out,
 * after which ids from `heapIdOf` and from earlier snapshots no longer match new snapshots.
 * Node's own; Deno implements `node:inspector` and uses the same session with its own
 * explanation of a refusal.
 *
 * @module
 */
import { NotSupportedError } from "../not-supported-error.ts";

interface SessionLike {
  connect(): void;
  post(method: string, params: object, callback: (error: Error | null, result?: unknown) => void): void;
}

/**
 * Commands into this process's own V8 inspector, one at a time.
 *
 * @example
 * ```ts
 * const inspector: InProcessInspector = await inProcessInspector("collectGarbage");
 * await inspector.exclusive(() => inspector.post("HeapProfiler.collectGarbage", {}, 60_000));
 * ```
 */
export interface InProcessInspector {
  /** Sends a command; rejects after `timeoutMs`. The pending timer also keeps Deno's event loop alive while waiting. */
  post<T = Record<string, unknown>>(method: string, params: Record<string, unknown>, timeoutMs: number): Promise<T>;
  /** Runs `task` with no other `exclusive` task in between (for work that uses a shared global slot). */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
}

/**
 * Opens (once per process) the inspector session for `operation`.
 *
 * @example
 * ```ts
 * const open: InProcessInspectorOpener = inProcessInspector;
 * const inspector = await open("collectGarbage");
 * ```
 */
export type InProcessInspectorOpener = (operation: string) => Promise<InProcessInspector>;

/** The one session of this process: a process runs one runtime, so Node's and Deno's openers share it. */
let shared: Promise<InProcessInspector> | null = null;

/**
 * The opener of the process-wide `node:inspector` session for a runtime that implements it.
 * `explainRefusal` says, in a {@link NotSupportedError}, why `connect()` was refused.
 *
 * @example
 * ```ts
 * const open = inspectorSession("deno", () => "run with --allow-sys");
 * const inspector = await open("heapIdOf");
 * ```
 */
export function inspectorSession(runtime: "node" | "deno", explainRefusal: (error: Error) => string): InProcessInspectorOpener {
  return (operation) => {
    shared ??= connect(operation, runtime, explainRefusal).catch((error) => {
      shared = null;
      throw error;
    });
    return shared;
  };
}

/**
 * Node's in-process inspector session.
 *
 * @example
 * ```ts
 * const inspector = await inProcessInspector("collectGarbage");
 * await inspector.post("HeapProfiler.collectGarbage", {}, 60_000);
 * ```
 */
export const inProcessInspector: InProcessInspectorOpener = inspectorSession("node", (error) => `node:inspector refused to connect: ${error.message}`);

async function connect(operation: string, runtime: "node" | "deno", explainRefusal: (error: Error) => string): Promise<InProcessInspector> {
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
    throw new NotSupportedError(operation, runtime, explainRefusal(error as Error), { cause: error });
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
