#!/usr/bin/env node
// Fails when a package's deno.json (JSR) and package.json (npm) disagree.
// For every entry point: the same keys, the Deno entry is the `@heapgraph/source`
// condition's file, and `types` / `default` are that file compiled into dist/.
// Also checks the top-level main/types that tslab needs, the names (JSR names are
// scoped: the npm package `heapgraph` is `@heapgraph/heapgraph` on JSR), and that
// deno.json's `imports` map every npm dependency to `npm:<name>@<the same range>`,
// so that the package resolves them outside this workspace. Run by `npm run build`.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The JSR scope of the packages; JSR has no unscoped names. */
const JSR_SCOPE = "@heapgraph";

/** Problems found in one package directory, as sentences. */
export function exportProblems(dir) {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const deno = JSON.parse(readFileSync(join(dir, "deno.json"), "utf8"));
  const problems = [];
  const say = (s) => problems.push(`${pkg.name}: ${s}`);
  const jsrName = pkg.name.startsWith("@") ? pkg.name : `${JSR_SCOPE}/${pkg.name}`;
  if (deno.name !== jsrName) say(`deno.json name ${deno.name} should be ${jsrName} (JSR names are scoped)`);
  if (deno.version !== pkg.version) say(`deno.json version ${deno.version} differs from package.json ${pkg.version}`);
  const npmExports = pkg.exports ?? {};
  const denoExports = typeof deno.exports === "string" ? { ".": deno.exports } : (deno.exports ?? {});
  const keys = new Set([...Object.keys(npmExports), ...Object.keys(denoExports)]);
  for (const key of keys) {
    const n = npmExports[key];
    const d = denoExports[key];
    if (!n) { say(`deno.json exports "${key}" but package.json does not`); continue; }
    if (!d) { say(`package.json exports "${key}" but deno.json does not`); continue; }
    const order = Object.keys(n);
    if (order[0] !== "types") say(`exports "${key}": "types" must come first (found ${order.join(", ")})`);
    const source = n["@heapgraph/source"];
    if (source !== d) { say(`exports "${key}": deno.json points to ${d}, package.json's source condition to ${source}`); continue; }
    const stem = source.replace(/^\.\/src\//, "./dist/").replace(/\.ts$/, "");
    if (n.types !== `${stem}.d.ts`) say(`exports "${key}": types ${n.types}, expected ${stem}.d.ts`);
    if (n.default !== `${stem}.js`) say(`exports "${key}": default ${n.default}, expected ${stem}.js`);
  }
  const main = npmExports["."];
  if (main && pkg.main !== main.default) say(`top-level main ${pkg.main} differs from exports["."].default ${main.default}`);
  if (main && pkg.types !== main.types) say(`top-level types ${pkg.types} differs from exports["."].types ${main.types}`);
  const imports = deno.imports ?? {};
  for (const [dep, range] of Object.entries(pkg.dependencies ?? {})) {
    if (dep.startsWith(`${JSR_SCOPE}/`)) continue; // workspace members: deno publish turns them into jsr: imports
    const wanted = `npm:${dep}@${range}`;
    if (imports[dep] !== wanted) say(`deno.json imports "${dep}" should be "${wanted}" (package.json dependency), found ${imports[dep] ?? "nothing"}`);
  }
  for (const [name, target] of Object.entries(imports)) {
    // A trailing-slash entry ("pkg/": "npm:pkg@range/") maps the package's subpath imports.
    if (String(target).startsWith("npm:") && !(name.replace(/\/$/, "") in (pkg.dependencies ?? {}))) say(`deno.json imports "${name}" (${target}), which is not a package.json dependency`);
  }
  if (pkg.type !== "module") say(`"type" must be "module"`);
  if (pkg.sideEffects !== false) say(`"sideEffects" must be false`);
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(import.meta.url), "../..");
  const problems = readdirSync(join(root, "packages")).flatMap((p) => exportProblems(join(root, "packages", p)));
  for (const p of problems) console.error(`check-exports: ${p}`);
  if (problems.length) process.exit(1);
  console.log("check-exports: deno.json and package.json agree (names, exports, npm imports) in every package");
}
