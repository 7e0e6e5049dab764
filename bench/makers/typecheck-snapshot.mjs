// Type-checks npm packages with the TypeScript compiler API, then writes a heap
// snapshot while every program is still referenced. Run in its own process:
//
//   node --max-old-space-size=16000 makers/typecheck-snapshot.mjs OUT.heapsnapshot SPEC_JSON
//
// SPEC_JSON: { "programs": [{ "units": ["rxjs", ...], "lib": ["lib.es2022.d.ts"] | null, "limit"?: N }] }
// (`lib: null` checks without the default library; `limit` keeps the first N root files). Programs are created one after
// another and all kept. `--no-line-ends` skips the line-ends trick (to time what it saves).
// Prints one JSON line: { checkMs, snapshotMs, programs, files, lineEndsFrame }.
import ts from "typescript";
import { writeHeapSnapshot } from "node:v8";
import { cacheLineEnds } from "./line-ends.mjs";
import { UNITS } from "./typecheck-units.mjs";

const args = process.argv.slice(2);
const useTrick = !args.includes("--no-line-ends");
const [out, specJson] = args.filter((a) => a !== "--no-line-ends");
if (!out || !specJson) throw new Error("usage: typecheck-snapshot.mjs OUT SPEC_JSON [--no-line-ends]");
const spec = JSON.parse(specJson);

const kept = []; // every program stays referenced until the snapshot is written
const started = performance.now();
for (const programSpec of spec.programs) kept.push(check(programSpec));
const checkMs = performance.now() - started;

// Without this, Node 20 can take hours on the snapshot (see line-ends.mjs).
const lineEndsFrame = useTrick ? cacheLineEnds(() => ts.createSourceFile()) : null;

const snapStarted = performance.now();
writeHeapSnapshot(out);
const snapshotMs = performance.now() - snapStarted;
const files = kept.reduce((n, k) => n + k.program.getSourceFiles().length, 0);
console.log(JSON.stringify({ checkMs, snapshotMs, programs: kept.length, files, lineEndsFrame }));

function check({ units, lib, limit }) {
  const rootNames = [];
  let js = false;
  for (const name of units) {
    const unit = UNITS[name];
    if (!unit) throw new Error(`unknown unit ${JSON.stringify(name)}; known: ${Object.keys(UNITS).join(", ")}`);
    rootNames.push(...unit.files());
    js ||= unit.js;
  }
  const program = ts.createProgram({
    rootNames: limit ? rootNames.slice(0, limit) : rootNames,
    options: {
      noEmit: true,
      allowJs: js,
      checkJs: js,
      strict: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      ...(lib ? { lib } : { noLib: true }),
      types: [],
    },
  });
  // Semantic diagnostics run the checker over every file: types, symbols, flow nodes.
  const diagnostics = ts.getPreEmitDiagnostics(program);
  return { program, diagnostics };
}
