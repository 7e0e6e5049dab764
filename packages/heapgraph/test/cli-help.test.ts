// Every subcommand's --help (with an example), and the progress bar: drawn on a terminal,
// silent otherwise. Runs main() in this process with its own output streams, plus the real
// command once.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { currentRuntime } from "@heapgraph/testkit";
import { COMMANDS } from "../src/internal/cli/commands.ts";
import type { CliIo } from "../src/internal/cli/cli-io.ts";
import { main } from "../src/internal/cli/main.ts";
import { nodeShopFile, runCli } from "./cli-helpers.ts";

const runtime = currentRuntime();

function capture(stderrIsTTY: boolean): { io: CliIo; out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return { io: { out: (t) => void (out += t), err: (t) => void (err += t), stderrIsTTY, columns: 100 }, out: () => out, err: () => err };
}

test(`every subcommand has --help with its usage and an example (${runtime})`, async () => {
  const names = COMMANDS.map((c) => c.name).sort();
  assert.equal(names, ["backrefs", "capture", "chain", "compare", "convert", "demo", "detached", "dominators", "growth", "leaks", "refs", "strings", "summary"]);
  for (const command of COMMANDS) {
    for (const argv of [[command.name, "--help"], [command.name, "-h"], ["help", command.name]]) {
      const c = capture(false);
      assert.is(await main(argv, c.io), 0, argv.join(" "));
      assert.is(c.err(), "");
      const help = c.out();
      assert.match(help, new RegExp(`^heapgraph ${command.name}: `));
      assert.match(help, new RegExp(`Usage: heapgraph ${command.name}\\b`));
      assert.match(help, /\n {2}--json {2,}print JSON/);
      assert.match(help, /\nExamples?:\n {2}heapgraph /);
      for (const example of command.examples) assert.ok(example.startsWith(`heapgraph ${command.name}`), example);
      for (const option of Object.keys(command.options)) assert.match(help, new RegExp(`--${option}\\b`), `${command.name} documents --${option}`);
    }
  }
});

test(`heapgraph --help, --version and the real command's help (${runtime})`, async () => {
  const c = capture(false);
  assert.is(await main(["--help"], c.io), 0);
  for (const command of COMMANDS) assert.match(c.out(), new RegExp(`\\n {2}${command.name} +\\S`));
  const v = capture(false);
  assert.is(await main(["--version"], v.io), 0);
  assert.match(v.out(), /^\d+\.\d+\.\d+/);
  const run = await runCli(["chain", "--help"]);
  assert.is(run.code, 0);
  assert.is(run.stderr, "");
  assert.match(run.stdout, /Usage: heapgraph chain FILE \(--id ID \| --type NAME\) \[options\]/);
  assert.match(run.stdout, /Examples:\n {2}heapgraph chain app\.heapsnapshot --id @12345/);
});

test(`the progress bar: drawn on stderr when it is a terminal, nothing otherwise (${runtime})`, async () => {
  const file = await nodeShopFile();
  const tty = capture(true);
  assert.is(await main(["summary", file, "--limit", "3"], tty.io), 0);
  assert.match(tty.err(), /\r\x1b\[Kheapgraph: \[[#-]{24}\] +\d+% reading /);
  assert.match(tty.err(), /cli-shop[^\r]*: (dominators|retained sizes|classes)/, "the engine's phases too");
  assert.ok(tty.err().endsWith("\r\x1b[K"), "and cleared at the end");
  assert.match(tty.out(), /Most common types/);
  const pipe = capture(false);
  assert.is(await main(["summary", file, "--limit", "3"], pipe.io), 0);
  assert.is(pipe.err(), "");
  assert.is(pipe.out(), tty.out(), "the same result either way");
});

test.run();
