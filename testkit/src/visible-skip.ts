import { test, type Test } from "uvu";

/**
 * uvu's `test` when `condition` holds; otherwise a `test` that registers every case as skipped
 * (uvu counts it under "Skipped") and says why on stderr, so a missing runtime or tool is a visible
 * skip, never a silent pass.
 *
 * @example
 * ```ts
 * const withBun = testWhen(sampleRuntimes().includes("bun"), "Bun is not installed");
 * withBun("reads Bun's V8 format", async () => { ... });
 * ```
 */
export function testWhen(condition: boolean, reason: string): Test {
  if (condition) return test;
  const skipping = ((name: string) => {
    console.error(`skipped (${reason}): ${name}`);
    test.skip(`${name} [skipped: ${reason}]`, () => {});
  }) as unknown as Test;
  return Object.assign(skipping, { skip: test.skip, only: test.only, before: test.before, after: test.after, run: test.run });
}
