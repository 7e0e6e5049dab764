// The packages the corpus type-checks. Each unit becomes one TypeScript program;
// a recipe holds several units' programs at once, so the snapshot grows with them.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const benchDir = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The folder of a package installed in bench/node_modules. */
export function packageDir(name) {
  return join(benchDir, "node_modules", name);
}

function filesUnder(dir, test) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    if (test(path)) out.push(path);
  }
  return out.sort();
}

const isJs = (p) => p.endsWith(".js");
const isTs = (p) => p.endsWith(".ts") && !p.endsWith(".d.ts");
const isDts = (p) => p.endsWith(".d.ts");

/** Unit name → how to find its root files, and whether they are JavaScript (checked with `checkJs`). */
export const UNITS = {
  "types-node": { js: false, files: () => [join(packageDir("@types/node"), "index.d.ts")] },
  "lodash-es": { js: true, files: () => filesUnder(packageDir("lodash-es"), isJs) },
  rxjs: { js: false, files: () => filesUnder(join(packageDir("rxjs"), "src"), isTs) },
  "types-three": { js: false, files: () => filesUnder(packageDir("@types/three"), isDts) },
  "three-src": { js: true, files: () => filesUnder(join(packageDir("three"), "src"), isJs) },
  "three-examples": { js: true, files: () => filesUnder(join(packageDir("three"), "examples", "jsm"), isJs) },
};
