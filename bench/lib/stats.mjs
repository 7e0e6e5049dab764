// Summaries of repeated runs.

export function median(values) {
  const xs = values.filter((v) => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/**
 * One case on one snapshot: medians over the successful runs, and the failure if none succeeded.
 * `{ ok, runs, okRuns, ms, maxRssBytes, nodes, edges, phases, extra, error, unavailable, skipped }`
 */
export function summarize(runs) {
  const good = runs.filter((r) => r.ok);
  const bad = runs.filter((r) => !r.ok);
  const base = { runs: runs.length, okRuns: good.length };
  if (good.length === 0) {
    const first = bad[0] ?? {};
    return {
      ...base,
      ok: false,
      error: first.error ?? "no run",
      unavailable: !!first.unavailable,
      skipped: !!first.skipped,
      phases: first.phases ?? null, // what was timed before it stopped
      extra: first.extra ?? null,
    };
  }
  const phases = {};
  for (const name of Object.keys(good[0].phases ?? {})) phases[name] = median(good.map((r) => r.phases?.[name]));
  return {
    ...base,
    ok: true,
    ms: median(good.map((r) => r.ms)),
    maxRssBytes: median(good.map((r) => r.maxRssBytes)),
    nodes: good[0].nodes ?? null,
    edges: good[0].edges ?? null,
    phases: Object.keys(phases).length ? phases : null,
    extra: good[0].extra ?? null,
    reader: good[0].reader ?? null,
    error: bad.length ? `${bad.length} of ${runs.length} runs failed: ${bad[0].error}` : null,
  };
}
