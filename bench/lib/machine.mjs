// What the figures were measured on: cores, memory, runtimes, tool versions, load.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { runtimes as projectRuntimes } from "../../scripts/runtimes.mjs";

function versionOf(command, args = ["--version"]) {
  try {
    return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 30000 }).trim().split("\n")[0];
  } catch {
    return null;
  }
}

function packageVersion(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version;
  } catch {
    return null;
  }
}

/** Describes this machine; `node` is the runtime the workers run on. */
export function describeMachine({ benchDir, node }) {
  const repoDir = join(benchDir, "..");
  const cpus = os.cpus();
  const gitCommit = versionOf("git", ["-C", repoDir, "rev-parse", "--short", "HEAD"]);
  const gitDirty = versionOf("git", ["-C", repoDir, "status", "--porcelain", "--", "packages"]);
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    memoryBytes: os.totalmem(),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    workerNode: versionOf(node),
    // The project's own list (the machine's Node, pinned Node 24, Deno, Bun), as the tests see it.
    runtimes: Object.fromEntries(projectRuntimes(repoDir).map((r) => [r.name, r.version])),
    tools: {
      heapgraph: `${packageVersion(join(repoDir, "packages", "graph")) ?? "?"} (commit ${gitCommit ?? "?"}${gitDirty ? ", with uncommitted changes" : ""})`,
      memlab: packageVersion(join(benchDir, "node_modules", "@memlab", "heap-analysis")),
      "heap-snapshot-toolkit": packageVersion(join(benchDir, "node_modules", "heap-snapshot-toolkit")),
      "v8-heapsnapshot": packageVersion(join(benchDir, "node_modules", "v8-heapsnapshot")),
      "@vscode/v8-heap-parser": packageVersion(join(benchDir, "node_modules", "@vscode", "v8-heap-parser")),
      typescript: packageVersion(join(benchDir, "node_modules", "typescript")),
      "@rollup/wasm-node": packageVersion(join(benchDir, "node_modules", "@rollup", "wasm-node")),
    },
  };
}

/** The 1-minute load average, or null where the OS has none. */
export function loadNow() {
  const [one] = os.loadavg();
  return Number.isFinite(one) ? one : null;
}
