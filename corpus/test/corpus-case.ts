/**
 * The corpus' cases: `corpus/cases/<id>/case.json`, checked against one schema.
 *
 * @module
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "@heapgraph/testkit";
import { z } from "zod";

/** Where the cases live. */
export const CASES_DIR: string = join(repoRoot, "corpus", "cases");

/**
 * The shape of a `case.json`: which real leak it reproduces, from which public report, with which
 * pinned versions (aliases in corpus/package.json), and what the maintainers named as the holder.
 *
 * @example
 * ```ts
 * const c = corpusCase.parse(JSON.parse(readFileSync("corpus/cases/debug-instances/case.json", "utf8")));
 * ```
 */
export const corpusCase = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "a lower-case id with dashes, the case's folder name"),
  title: z.string().min(1),
  kind: z.enum(["registry-array", "identity-cache", "global-map", "listeners", "timer", "async-context", "promise-chain", "detached-dom"]),
  package: z.string().min(1),
  leaking: z.string().min(1),
  fixed: z.string().min(1),
  report: z.string().url(),
  fix: z.string().min(1),
  cause: z.string().min(1),
  expected: z.strictObject({ holder: z.string().min(1), edge: z.string().min(1) }),
  runtimes: z.array(z.enum(["node20", "node24", "deno", "bun"])).min(1),
  environment: z.enum(["node", "chromium"]),
});

/**
 * One case, as its `case.json` says.
 *
 * @example
 * ```ts
 * const c: CorpusCase = loadCases()[0];
 * console.log(c.id, c.leaking, "→", c.fixed);
 * ```
 */
export type CorpusCase = z.infer<typeof corpusCase>;

/**
 * Every case of the corpus, sorted by id. Throws, naming the file and the field, when a
 * `case.json` does not match {@link corpusCase} or its `id` is not its folder's name.
 *
 * @example
 * ```ts
 * for (const c of loadCases()) console.log(c.id, c.kind, c.report);
 * ```
 */
export function loadCases(dir: string = CASES_DIR): CorpusCase[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = join(dir, name, "case.json");
      const parsed = corpusCase.safeParse(JSON.parse(readFileSync(file, "utf8")));
      if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
        throw new Error(`corpus case ${file} does not match the case.json shape: ${problems}`);
      }
      if (parsed.data.id !== name) throw new Error(`corpus case ${file}: id "${parsed.data.id}" is not its folder's name "${name}"`);
      return parsed.data;
    });
}
