import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runtimes as findRuntimes, type Runtime } from "../../scripts/runtimes.mjs";

export type { Runtime };

/** The repository root of this checkout. */
export const repoRoot: string = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The four runtimes the project is tested on (Node 20, Node 24, Deno, Bun), as found in this checkout. */
export function runtimes(): Runtime[] {
  return findRuntimes(repoRoot);
}

/** The name of the runtime running this test (`node20`, `node24`, `deno`, `bun`), as the test matrix set it. */
export function currentRuntime(): string {
  const fromMatrix = globalThis.process?.env?.HEAPGRAPH_TEST_RUNTIME;
  if (fromMatrix) return fromMatrix;
  const g = globalThis as { Deno?: unknown; Bun?: unknown };
  if (g.Deno) return "deno";
  if (g.Bun) return "bun";
  return `node${globalThis.process.versions.node.split(".")[0]}`;
}
