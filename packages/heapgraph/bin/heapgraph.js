#!/usr/bin/env node
// The `heapgraph` command as npm links it (package.json "bin"). It runs the built command,
// dist/cli.js. This file is committed, so in a clone `npm ci` links the command before anything
// is built; until `npm run build` has run, it says so instead of failing with "not found".
import { existsSync } from "node:fs";
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
await import(cli.href);
