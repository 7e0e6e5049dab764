// Runs uvu test files in the current runtime (Node, Deno or Bun) and exits with uvu's verdict.
// Usage: <runtime> scripts/uvu-runner.mjs <file.test.ts>...
// This is what uvu's own CLI does (defer, queue per file, exec), without its Node-only file walking.
import process from "node:process";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

globalThis.UVU_DEFER = 1;
globalThis.UVU_QUEUE = [];
const { exec } = await import("uvu");
const files = process.argv.slice(2);
for (const [index, file] of files.entries()) {
  globalThis.UVU_INDEX = index;
  globalThis.UVU_QUEUE.push([file]);
  try {
    await import(pathToFileURL(resolve(file)).href);
  } catch (error) {
    console.error(`\nFailed to load ${file}:\n`, error);
    process.exit(1);
  }
}
await exec(false);
// Tests may leave servers or child handles behind; the verdict is in exitCode.
process.exit(process.exitCode ?? 0);
