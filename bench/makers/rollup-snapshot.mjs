// Bundles three.js, rxjs and lodash-es with rollup, then writes a heap snapshot while
// the bundle (module graph, ASTs, output chunks) is still referenced. Uses rollup's
// WebAssembly build: the native one's platform packages are not all in the registry
// here, which breaks `npm ci` from the lock file.
//
//   node --max-old-space-size=16000 makers/rollup-snapshot.mjs OUT.heapsnapshot [--no-line-ends]
//
// Prints one JSON line: { bundleMs, snapshotMs, modules, lineEndsFrame }.
import { rollup } from "@rollup/wasm-node";
import { writeHeapSnapshot } from "node:v8";
import { join } from "node:path";
import { packageDir } from "./typecheck-units.mjs";

const args = process.argv.slice(2);
const useTrick = !args.includes("--no-line-ends");
const [out] = args.filter((a) => a !== "--no-line-ends");
if (!out) throw new Error("usage: rollup-snapshot.mjs OUT [--no-line-ends]");

const input = {
  three: join(packageDir("three"), "src", "Three.js"),
  rxjs: join(packageDir("rxjs"), "dist", "esm", "index.js"),
  lodash: join(packageDir("lodash-es"), "lodash.js"),
};
/** Resolves bare imports (`three`, `three/addons/...`) to files in bench/node_modules. */
const resolveBare = {
  name: "resolve-bare",
  resolveId(source) {
    if (source === "three") return join(packageDir("three"), "src", "Three.js");
    return null;
  },
};

const started = performance.now();
const bundle = await rollup({ input, plugins: [resolveBare], treeshake: true, onwarn() {} });
const output = await bundle.generate({ format: "es", sourcemap: true });
const bundleMs = performance.now() - started;

// rollup's node-entry.js is a 1 MB script: cache its line ends before the snapshot (see line-ends.mjs).
let lineEndsFrame = null;
if (useTrick) {
  const err = await rollup({ input: "\0no such module" }).then(() => null, (e) => e);
  lineEndsFrame = String(err?.stack ?? "").split("\n").slice(1).find((l) => l.includes("node-entry.js"))?.trim() ?? "(no frame in node-entry.js)";
}

const snapStarted = performance.now();
writeHeapSnapshot(out);
const snapshotMs = performance.now() - snapStarted;
console.log(JSON.stringify({ bundleMs, snapshotMs, modules: bundle.cache.modules.length, chunks: output.output.length, lineEndsFrame }));
