/**
 * The leak assertion for tests: `assertNoLeaks(action)` fails with the diagnosis as its message.
 *
 * @module
 */
import { HeapgraphError } from "@heapgraph/snapshot";
import { findLeaksIn, type FindLeaksInOptions, type LeakTestReport } from "./find-leaks-in.ts";

/**
 * Thrown by {@link assertNoLeaks} when the action leaks. Its message is the diagnosis (one line
 * per leak: the holder that grew, its growth, what it holds, the code behind it); `report` holds
 * the whole {@link LeakTestReport}. `code` is `LEAKS_FOUND`. Test runners print it as the failure.
 *
 * @example
 * ```ts
 * try {
 *   await assertNoLeaks(() => handle(request()));
 * } catch (error) {
 *   if (error instanceof LeakAssertionError) console.log(error.report.clusters[0]?.holder?.label);
 * }
 * ```
 */
export class LeakAssertionError extends HeapgraphError<"LEAKS_FOUND"> {
  readonly report: LeakTestReport;

  constructor(report: LeakTestReport) {
    super("LEAKS_FOUND", report.text.trimEnd());
    this.report = report;
  }
}

/**
 * Fails when `action` leaks: runs {@link findLeaksIn} (warm-up, baseline, `iterations` runs,
 * target, `iterations` runs, final) and throws a {@link LeakAssertionError} whose message is the
 * diagnosis when something grew with the iterations; resolves with the report otherwise. Works
 * in any test runner: node:test, uvu, Deno.test, bun:test (on Bun by class counts, which the
 * message says).
 *
 * @example
 * ```ts
 * import { test } from "node:test";
 * import { assertNoLeaks } from "heapgraph";
 * test("handling a request leaks nothing", async () => {
 *   await assertNoLeaks(() => handle(fakeRequest()), { iterations: 20 });
 * });
 * ```
 */
export async function assertNoLeaks(action: () => unknown, options: FindLeaksInOptions = {}): Promise<LeakTestReport> {
  const report = await findLeaksIn(action, options);
  if (report.leaks > 0) throw new LeakAssertionError(report);
  return report;
}
