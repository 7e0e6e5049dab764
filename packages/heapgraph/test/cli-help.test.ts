// Every subcommand's --help (with an example), heapgraph's own help and version, and the
// progress bar: drawn on a terminal, silent otherwise. All through main(argv, io) in this process.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { currentRuntime } from "@heapgraph/testkit";
import { COMMAND_LOADERS, loadCommands } from "../src/cli/commands.ts";
import { nodeShopFile, runMain } from "./cli-helpers.ts";

const runtime = currentRuntime();
/** Every command, loaded (main loads only the one it runs). */
const COMMANDS = await loadCommands();

test(`every subcommand has --help with its usage and an example (${runtime})`, async () => {
  const names = COMMANDS.map((c) => c.name).sort();
  assert.equal(names, ["backrefs", "cache", "capture", "chain", "compare", "convert", "demo", "detached", "dominators", "explore", "growth", "leaks", "mcp", "refs", "run", "strings", "summary", "watch"]);
  assert.equal(COMMANDS.map((c) => c.name), COMMAND_LOADERS.map((c) => c.name), "each loader loads the command of its name");
  for (const command of COMMANDS) {
    for (const argv of [[command.name, "--help"], [command.name, "-h"], ["help", command.name]]) {
      const run = await runMain(argv);
      assert.is(run.code, 0, argv.join(" "));
      assert.is(run.stderr, "");
      const help = run.stdout;
      assert.match(help, new RegExp(`^heapgraph ${command.name}: `));
      assert.match(help, new RegExp(`Usage: heapgraph ${command.name}\\b`));
      assert.match(help, /\n {2}--json {2,}print JSON/);
      assert.match(help, /\nExamples?:\n {2}heapgraph /);
      for (const example of command.examples) assert.ok(example.startsWith(`heapgraph ${command.name}`), example);
      for (const option of Object.keys(command.options)) assert.match(help, new RegExp(`--${option}\\b`), `${command.name} documents --${option}`);
    }
  }
  const chain = await runMain(["chain", "--help"]);
  assert.match(chain.stdout, /Usage: heapgraph chain FILE \(--id ID \| --type NAME\) \[options\]/);
  assert.match(chain.stdout, /\n {2}--to WHERE {2,}root \(default/);
  assert.match(chain.stdout, /Examples:\n {2}heapgraph chain app\.heapsnapshot --id @12345/);
});

test(`heapgraph --help, help, --version, and no command at all (${runtime})`, async () => {
  const help = await runMain(["--help"]);
  assert.is(help.code, 0);
  for (const command of COMMANDS) assert.match(help.stdout, new RegExp(`\\n {2}${command.name} +\\S`));
  assert.equal((await runMain(["help"])).stdout, help.stdout);
  const version = await runMain(["--version"]);
  assert.is(version.code, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  const none = await runMain([]);
  assert.is(none.code, 2, "no command is bad usage");
  assert.is(none.stdout, "");
  assert.is(none.stderr, help.stdout, "the help goes to stderr then");
});

test(`the progress bar: drawn on stderr when it is a terminal, nothing otherwise (${runtime})`, async () => {
  const file = await nodeShopFile();
  // --no-cache: the engine's phases must run (another test may have left this file's index cache).
  const tty = await runMain(["summary", file, "--limit", "3", "--no-cache"], { tty: true });
  assert.is(tty.code, 0);
  assert.match(tty.stderr, /\r\x1b\[Kheapgraph: \[[#-]{24}\] +\d+% [^\r]*cli-shop[^\r]*: reading/);
  assert.match(tty.stderr, /cli-shop[^\r]*: (dominators|retained sizes|classes)/, "the engine's phases too");
  const percents = [...tty.stderr.matchAll(/\] +(\d+)% /g)].map((m) => Number(m[1]));
  assert.ok(percents.length > 2, "several redraws");
  assert.equal(percents, [...percents].sort((a, b) => a - b), `the percentage never goes down: ${percents.join(" ")}`);
  assert.ok(tty.stderr.endsWith("\r\x1b[K"), "and cleared at the end");
  assert.match(tty.stdout, /Most common types/);
  const pipe = await runMain(["summary", file, "--limit", "3"]);
  assert.is(pipe.code, 0);
  assert.is(pipe.stderr, "");
  assert.is(pipe.stdout, tty.stdout, "the same result either way");
});

test.run();
