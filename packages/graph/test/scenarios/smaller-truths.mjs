// The heap of issue 14's "smaller truths" (labels, array lengths, script names, concatenated
// duplicates), for labels.test.ts, array-length.test.ts, script-names.test.ts and
// duplicate-concatenated.test.ts (and render's label-cut test). One snapshot to argv[2].
// - globalThis.truthArrays: arrays of every element kind, whose lengths V8 does not write;
// - globalThis.truthFunctions: functions compiled from strings named by //# sourceURL=, and a
//   closure from a module deep in a long directory path (a label longer than any cut);
// - globalThis.truthStrings: 40 copies of one text built by concatenation in a loop, a growing
//   prefix chain (each a part of the next), and strings with a sliced part.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import process from "node:process";
import { pathToFileURL } from "node:url";
import { snapshotTo } from "../../../../testkit/scenarios/heap-snapshot-here.mjs";

class TruthArrays {}
const arrays = new TruthArrays();
arrays.smis = [1, 2, 3];
arrays.filled = new Array(64).fill(0);
arrays.doubles = [1.5, 2.5];
arrays.holey = [];
arrays.holey[0] = { at: 0 };
arrays.holey[3] = { at: 3 };
arrays.objects = [{ a: 1 }, { b: 2 }, { c: 3 }];
arrays.pushed = [];
for (let i = 0; i < 100; i++) arrays.pushed.push(i);
arrays.empty = [];
arrays.sparse = [];
arrays.sparse[100_000] = { far: true };
globalThis.truthArrays = arrays;

class TruthFunctions {}
const functions = new TruthFunctions();
functions.evalNamed = (0, eval)("(function evalNamed() { return 1; })\n//# sourceURL=name.js");
functions.made = new Function("return function madeByFunction() { return 2; }\n//# sourceURL=made.js")();
const deep = join(dirname(process.argv[2]), `${process.pid}-truths`, "a-rather-long-directory", "with", "several", "levels", "of", "nesting", "pages");
mkdirSync(deep, { recursive: true });
const file = join(deep, "api.js");
writeFileSync(file, "export const handlers = [];\nexport function register() {\n  handlers.push(function () { return handlers.length; });\n}\n");
const mod = await import(pathToFileURL(file).href);
mod.register();
functions.deep = mod.handlers[0];
globalThis.truthFunctions = functions;

class TruthStrings {}
const strings = new TruthStrings();
// String(n) at run time keeps the engine from folding the concatenation into one constant.
const id = String(4200 + 42);
strings.copies = [];
for (let i = 0; i < 40; i++) strings.copies.push("customer-record-" + id + "-of-the-month");
strings.chain = [];
let s = "start";
for (let i = 0; i < 60; i++) {
  s = s + "-segment-" + String(i);
  strings.chain.push(s);
}
const long = "a sliced string comes from a long flat string " + String(Math.PI) + " and more text";
strings.sliced = [];
for (let i = 0; i < 5; i++) strings.sliced.push(long.slice(2, 40) + "-tail-of-it-" + id);
globalThis.truthStrings = strings;

await snapshotTo();
