// What every tool worker shares: run one task on one snapshot file in this fresh
// process, measure it, and print one result line for the harness.
//
//   node tools/<tool>.mjs <task> <file>
//
// Result line: `BENCH_RESULT {"ok":true,"ms":...,"maxRssBytes":...,"nodes":...,"edges":...,"phases":{...}}`.
// Other output (progress bars of peer tools) is ignored by the harness.

export const RESULT_PREFIX = "BENCH_RESULT ";

/** Thrown when the tool under test lacks a function the task needs (reported, not a crash). */
export class NotAvailable extends Error {
  constructor(message) {
    super(`not available yet: ${message}`);
    this.name = "NotAvailable";
  }
}

/** Times named phases; `phases` maps phase name → milliseconds, in the order run. */
export class PhaseClock {
  phases = {};
  async time(name, fn) {
    const started = performance.now();
    try {
      return await fn();
    } finally {
      this.phases[name] = (this.phases[name] ?? 0) + (performance.now() - started);
    }
  }
}

/**
 * Runs `tasks[task](file, clock)` and prints the result line. A task returns
 * `{ nodes?, edges?, extra? }`; whatever it throws becomes `{ ok: false, error }`.
 */
export async function runWorker(tasks) {
  const [task, file] = process.argv.slice(2);
  const clock = new PhaseClock();
  const started = performance.now();
  let result;
  try {
    if (!tasks[task]) throw new Error(`unknown task ${JSON.stringify(task)}; this tool has: ${Object.keys(tasks).join(", ")}`);
    if (!file) throw new Error("usage: <tool>.mjs <task> <snapshot file>");
    const out = (await tasks[task](file, clock)) ?? {};
    result = { ok: true, ms: performance.now() - started, ...out };
  } catch (err) {
    result = {
      ok: false,
      ms: performance.now() - started,
      unavailable: err instanceof NotAvailable,
      error: oneLine(err),
      ...(err?.extra ? { extra: err.extra } : {}),
    };
  }
  result.maxRssBytes = process.resourceUsage().maxRSS * 1024; // maxRSS is in kB
  if (Object.keys(clock.phases).length > 0) result.phases = clock.phases;
  process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(result)}\n`, () => process.exit(0));
}

function oneLine(err) {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.replace(/\s+/g, " ").slice(0, 300);
}
