// The real-leak corpus: for every case in corpus/cases (a leak reproduced from a public bug report of
// an npm package), run the leaking and the fixed version of the package under the runtime running
// this test, take memlab's three snapshots, and check heapgraph's answer:
//   leaking: the first leak cluster names the maintainers' holder (class and edge) in its headline;
//   fixed:   findLeaks reports no cluster at all.
// Independently of findLeaks, the leak itself is checked: in the leaking version the objects made
// between baseline and target stay alive (at least one per action), in the fixed one they do not.
// Cases whose environment is "chromium" run in headless Chromium (run-chromium-case.mjs, driven by the
// Node running this test), with fewer actions per phase.
import { readSnapshot } from "@heapgraph/snapshot";
import { buildGraph, findLeaks, type HeapGraph, type LeakCluster } from "@heapgraph/graph";
import { chromiumExecutable, currentRuntime, testWhen } from "@heapgraph/testkit";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { runCase, type CaseSnapshots, type CaseVersion } from "./case-snapshots.ts";
import { loadCases, type CorpusCase } from "./corpus-case.ts";

/** Actions per phase in run-case.mjs (run-chromium-case.mjs: 50): each leaking action leaves at least one object behind. */
const ACTIONS = { node: 200, chromium: 50 } as const;
/** The fixed versions may keep a few objects made during the phase (a pooled socket's buffers, a cache's last entry). */
const FIXED_SURVIVORS_MAX = { node: ACTIONS.node / 4, chromium: ACTIONS.chromium / 4 } as const;

const runtime = currentRuntime();
const cases = loadCases();
const started = new Map<string, Promise<CaseSnapshots>>();

/** The case's snapshots, started on first request (runCase itself allows two at a time). */
function snapshotsOf(c: CorpusCase, version: CaseVersion): Promise<CaseSnapshots> {
  const key = `${c.id}/${version}`;
  let run = started.get(key);
  if (!run) started.set(key, (run = runCase(runtime, c.id, version, c.environment)));
  return run;
}

function skipReason(c: CorpusCase): string {
  if (runtime === "bun") return "Bun's heap snapshots have no stable object ids, which findLeaks needs";
  if (c.environment === "chromium" && !chromiumExecutable()) return `${c.id} runs in Chromium, which is not installed (Debian package \`chromium\`, or set HEAPGRAPH_CHROMIUM)`;
  return `${c.id} is not listed for ${runtime} (case.json runtimes: ${c.runtimes.join(", ")})`;
}

for (const c of cases) {
  const runs = runtime !== "bun" && (c.runtimes as string[]).includes(runtime) && (c.environment !== "chromium" || chromiumExecutable() !== null);
  const actions = ACTIONS[c.environment];
  for (const version of ["leaking", "fixed"] as const) {
    const alias = c[version];
    testWhen(runs, skipReason(c))(`${c.id} (${c.kind}): ${alias} ${version === "leaking" ? "leaks, and the first cluster names" : "does not leak, no cluster; holder was"} ${c.expected.holder} ${c.expected.edge} [${runtime}]`, async () => {
      // Start this case's other version too, so that two runs overlap.
      const other = snapshotsOf(c, version === "leaking" ? "fixed" : "leaking");
      other.catch(() => {});
      const files = await snapshotsOf(c, version);
      try {
        const [baseline, target, final] = await Promise.all([files.baseline, files.target, files.final].map(async (f) => buildGraph(await readSnapshot(f))));
        const kept = survivors(baseline, target, final);
        const clusters = findLeaks(baseline, target, final);
        console.log(`  ${runtime} ${c.id} ${version} (${alias}): ${(files.ms / 1000).toFixed(1)} s, ${kept} objects of the target phase alive in final; ${describe(clusters)}`);
        if (version === "leaking") {
          assert.ok(kept >= actions, `${alias}: only ${kept} objects made between baseline and target are still alive in final; the leak did not reproduce (expected at least ${actions})`);
          const first = clusters[0];
          assert.ok(first, `${alias}: findLeaks found no leak cluster`);
          assert.ok(first.holder !== null, `${alias}: the first cluster names no holder (headline: ${first.headline})`);
          for (const word of [c.expected.holder, c.expected.edge]) {
            assert.match(first.headline, wholeWord(word), `${alias}: the first cluster's headline does not name ${word} (the maintainers' holder is ${c.expected.holder} ${c.expected.edge}): ${first.headline}`);
          }
        } else {
          assert.ok(kept <= FIXED_SURVIVORS_MAX[c.environment], `${alias}: ${kept} objects made between baseline and target are still alive in final (at most ${FIXED_SURVIVORS_MAX[c.environment]} expected of a fixed version)`);
          assert.equal(clusters.map((k) => k.headline), [], `${alias}: findLeaks reports clusters for the fixed version`);
        }
      } finally {
        files.dispose();
      }
    });
  }
}

test.run();

/**
 * memlab's leak candidates before any filter or clustering: JS objects and closures (non-empty)
 * whose ids are in `target` but not in `baseline` and that are alive in `final`.
 */
function survivors(baseline: HeapGraph, target: HeapGraph, final: HeapGraph): number {
  const inTarget = final.idMatches(target);
  const inBaseline = final.idMatches(baseline);
  const { type } = final.nodeColumns();
  const codes = final.typeCodes();
  const sizes = final.selfSizes();
  let n = 0;
  for (let o = 0; o < final.nodeCount; o++) {
    if (inTarget[o] >= 0 && inBaseline[o] < 0 && sizes[o] > 0 && (type[o] === codes.object || type[o] === codes.closure)) n++;
  }
  return n;
}

/** Matches `word` when no identifier character touches it on either side. */
function wholeWord(word: string): RegExp {
  return new RegExp(`(^|[^\\w$])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w$])`);
}

/** The first cluster in one line, for the test's log: count, top class, headline, trace edges. */
function describe(clusters: readonly LeakCluster[]): string {
  const first = clusters[0];
  if (!first) return "no cluster";
  const trace = first.trace.map((s) => s.edge?.name).filter((e) => e !== undefined).join(" → ");
  return `${clusters.length} cluster(s); first: ${first.count} objects, ${first.classes[0]?.name ?? "?"}×${first.classes[0]?.count ?? 0}; "${first.headline}"; trace ${trace}`;
}
