/**
 * Waiting for Ctrl-C: what a command serving pages does after printing its URL.
 *
 * @module
 */
import process from "node:process";

/**
 * Resolves with the signal's name at the first SIGINT (Ctrl-C) or SIGTERM — or when `signal`
 * aborts, with `"abort"` — and removes its handlers then, so a second Ctrl-C during cleanup
 * ends the process as usual.
 *
 * @example
 * ```ts
 * const server = await startWebServer({ app });
 * await untilStopped();
 * await server.close();
 * ```
 */
export function untilStopped(signal?: AbortSignal): Promise<"SIGINT" | "SIGTERM" | "abort"> {
  return new Promise((resolve) => {
    const done = (why: "SIGINT" | "SIGTERM" | "abort") => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      signal?.removeEventListener("abort", onAbort);
      resolve(why);
    };
    const onInt = () => done("SIGINT");
    const onTerm = () => done("SIGTERM");
    const onAbort = () => done("abort");
    process.on("SIGINT", onInt);
    process.on("SIGTERM", onTerm);
    if (signal?.aborted) done("abort");
    else signal?.addEventListener("abort", onAbort);
  });
}
