#!/usr/bin/env node
// The `heapgraph` command as npm links it (package.json "bin"). It runs the built command,
// dist/cli.js. This file is committed, so in a clone `npm ci` links the command before anything
// is built; until `npm run build` has run, it says so instead of failing with "not found".
import { existsSync } from "node:fs";
import module from "node:module";
import process from "node:process";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(
    "heapgraph: the command is not built yet (dist/cli.js is missing).\n" +
      "In a clone of the heapgraph repository, build it once at the repository root:\n" +
      "  npm run build        (or npm run demo, which builds and then runs the demo)\n",
  );
  process.exit(1);
}
// Node 22.1 and later keep the compiled command in their compile cache (in the system's temporary
// directory, as NODE_COMPILE_CACHE would), so that later starts skip compiling it; elsewhere a no-op.
module.enableCompileCache?.();
await import(cli.href);
