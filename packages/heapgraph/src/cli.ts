#!/usr/bin/env node
/**
 * The `heapgraph` command (the package's bin). See the package README's "Command line".
 *
 * @module
 */
import process from "node:process";
import { main } from "./cli/main.ts";

void main(process.argv.slice(2)).then(async (code) => {
  process.exitCode = code;
  // Exit once the output is flushed, even if a library left a timer or socket behind.
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((done) => stream.write("", () => done()))));
  process.exit(code);
});
