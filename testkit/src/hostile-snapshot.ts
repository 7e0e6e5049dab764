/**
 * A real heap snapshot whose strings attack HTML, for the tests that check every HTML output of
 * heapgraph (the report, the notebook bundle, the interactive graph, `heapgraph explore`).
 *
 * @module
 */
import { runtimes } from "./repo.ts";
import { takeRealSnapshot, type SnapshotRuntime } from "./real-snapshot.ts";

/**
 * The hostile strings of `testkit/scenarios/hostile-strings.mjs`, each a class name (of a class
 * whose instance hangs off the `HostileHolder`), a property name, a string value and a Map key:
 * `<script>`, `"><img onerror>`, `</svg>`, `</script>`, `<!--`, U+2028 and U+2029. The class named
 * `HOSTILE_STRINGS[0]` is the holder's `victim`.
 *
 * @example
 * ```ts
 * for (const s of HOSTILE_STRINGS) assert.not.ok(html.includes(s), `${JSON.stringify(s)} appears unescaped`);
 * ```
 */
export const HOSTILE_STRINGS: readonly string[] = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "</svg><script>alert(2)</script>",
  "</script><script>alert(3)</script>",
  "<!--<script>alert(4)//",
  "sep\u2028line\u2029para",
];

/**
 * `hostileSnapshot()`: the path of a real V8 heap snapshot (taken once per test cache, by Node 24
 * when installed, else Node 20 or Deno, or `runtime`) of `testkit/scenarios/hostile-strings.mjs`: a
 * `HostileHolder` (find it with `byType(graph, "HostileHolder")`) holding instances of classes named
 * by {@link HOSTILE_STRINGS}, properties, string values and Map keys named by them, and a function
 * whose script URL is `<script>alert(1)</script>.js`. For tests that render heap strings to HTML.
 *
 * @example
 * ```ts
 * import { hostileSnapshot } from "@heapgraph/testkit";
 * const graph = buildGraph(await readSnapshot(await hostileSnapshot()));
 * const holder = byType(graph, "HostileHolder")[0];
 * ```
 */
export async function hostileSnapshot(runtime?: SnapshotRuntime): Promise<string> {
  const names = runtimes().map((r) => r.name);
  const chosen = runtime ?? (["node24", "node20", "deno"] as const).find((r) => names.includes(r));
  if (!chosen) throw new Error(`hostileSnapshot: no V8 runtime installed (have ${names.join(", ")})`);
  return takeRealSnapshot(chosen, "hostile-strings");
}
