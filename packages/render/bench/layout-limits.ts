/**
 * Measures how long Graphviz's `dot` layout (through renderSvg) takes on selections shaped like
 * `refs` / `backrefs` output, to set renderSvg's DEFAULT_LAYOUT_LIMITS. Each case runs in its own
 * process, killed after --timeout seconds (a WebAssembly call cannot be interrupted otherwise).
 *
 *   node --import tsx --conditions=@heapgraph/source packages/render/bench/layout-limits.ts [--timeout 30]
 *
 * A case is a breadth-first selection: each expanded node has `fanout` edges (objgraph's tooMany),
 * `depth` levels (maxDepth); with probability `cross` an edge goes to a node already drawn (a
 * shared object or a cycle) instead of a new one, which is what makes `dot` slow.
 */
import { spawn } from "node:child_process";
import process from "node:process";
import { fileURLToPath } from "node:url";
import type { Selection, SelectionEdge, SelectionNode } from "@heapgraph/graph";
import { renderSvg, toDot } from "../src/index.ts";

interface Case {
  fanout: number;
  depth: number;
  cross: number;
}

function selection({ fanout, depth, cross }: Case, seed = 12345): Selection {
  let state = seed;
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const nodes: SelectionNode[] = [];
  const edges: SelectionEdge[] = [];
  const add = (d: number) => {
    const ordinal = nodes.length;
    nodes.push({
      ordinal, id: 2 * ordinal + 1, type: "object", className: `Class${ordinal % 17}`, preview: `Class${ordinal % 17} {alpha, beta, gamma}`,
      selfSize: 32 + (ordinal % 100), retainedSize: 1000 * ordinal, depth: d, role: d === 0 ? "start" : "plain", highlighted: false, truncated: 0,
    });
    return ordinal;
  };
  let frontier = [add(0)];
  for (let d = 0; d < depth; d++) {
    const next: number[] = [];
    for (const from of frontier) {
      for (let k = 0; k < fanout; k++) {
        let to: number;
        if (nodes.length > 1 && random() < cross) to = Math.floor(random() * nodes.length);
        else next.push((to = add(d + 1)));
        edges.push({ from, to, type: "property", name: `field${k}` });
      }
    }
    frontier = next;
  }
  return { kind: "refs", nodes, edges, depthLimited: 0 };
}

async function runOne(c: Case): Promise<void> {
  const sel = selection(c);
  const dot = toDot(sel);
  await renderSvg("digraph { a }"); // load the module outside the timing
  const started = performance.now();
  await renderSvg(dot, { limits: false });
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ nodes: sel.nodes.length, edges: sel.edges.length, ms }) + "\n");
}

function runCase(c: Case, timeoutMs: number): Promise<string> {
  const sel = selection(c);
  const head = `fanout ${String(c.fanout).padStart(2)} depth ${c.depth} cross ${c.cross.toFixed(2)}  nodes ${String(sel.nodes.length).padStart(5)} edges ${String(sel.edges.length).padStart(5)} extra ${String(sel.edges.length - sel.nodes.length).padStart(4)}`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--case", JSON.stringify(c)], { stdio: ["ignore", "pipe", "inherit"], detached: true });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // gone
      }
    }, timeoutMs);
    child.on("close", () => {
      clearTimeout(timer);
      const result = out.trim() ? (JSON.parse(out.trim()) as { ms: number }) : null;
      resolve(`${head}  ${result ? `${(result.ms / 1000).toFixed(2).padStart(7)} s` : `  > ${timeoutMs / 1000} s (killed)`}`);
    });
  });
}

const args = process.argv.slice(2);
if (args[0] === "--case") {
  await runOne(JSON.parse(args[1]!) as Case);
} else {
  const timeoutMs = 1000 * Number(args[args.indexOf("--timeout") + 1] || 30);
  const cases: Case[] = [];
  for (const cross of [0, 0.1, 0.2, 0.3]) {
    for (const [fanout, depth] of [[10, 2], [5, 3], [10, 3], [5, 4], [7, 4], [6, 5]] as const) cases.push({ fanout, depth, cross });
  }
  for (const c of cases) process.stdout.write(`${await runCase(c, timeoutMs)}\n`);
}
