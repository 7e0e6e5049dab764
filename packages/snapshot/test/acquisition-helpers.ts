// Shared by the acquisition tests (take, capture, heap ids): reading snapshots back,
// finding nodes, and starting inspector targets that are always killed.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot, runtimes, spawnTracked, type TrackedProcess } from "@heapgraph/testkit";
import { readSnapshot, type HeapSnapshot } from "../src/index.ts";

export { assertOptionsError, nodesNamed } from "./reader-helpers.ts";

/** The ordinal of the node with heap id `id`, or -1. */
export function ordinalOfId(snap: HeapSnapshot, id: number): number {
  return snap.nodeId.indexOf(id);
}

/** Targets of `ordinal`'s edges, by edge name (named edges only). */
export function namedEdges(snap: HeapSnapshot, ordinal: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let e = snap.firstEdge[ordinal]; e < snap.firstEdge[ordinal + 1]; e++) {
    const type = snap.edgeTypeNames[snap.edgeType[e]];
    if (type === "element" || type === "hidden") continue;
    out.set(snap.strings[snap.edgeNameOrIndex[e]], snap.edgeTarget[e]);
  }
  return out;
}

/** Reads a saved snapshot file back. */
export function readSavedSnapshot(path: string | URL): Promise<HeapSnapshot> {
  return readSnapshot(path);
}

/** A fresh temporary directory and its removal. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `heapgraph-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Names of files in `dir` (to check that no temporary or partial file was left). */
export function filesIn(dir: string): string[] {
  return readdirSync(dir).sort();
}

export type TargetKind = "node" | "deno" | "bun";

/** The command that starts `script` with the inspector on a free loopback port. */
export function inspectCommand(kind: TargetKind, script: string, args: string[] = []): [string, string[]] {
  const runtime = runtimes().find((r) => r.kind === kind);
  if (!runtime) throw new Error(`no ${kind} runtime in this checkout`);
  if (kind === "deno") return [runtime.executable, ["run", "--inspect=127.0.0.1:0", script, ...args]];
  return [runtime.executable, ["--inspect=127.0.0.1:0", script, ...args]];
}

export const INSPECT_TARGET = join(repoRoot, "testkit", "scenarios", "inspect-target.mjs");

/** A started inspector target: its WebSocket URL and HTTP port, once its script is ready. */
export interface InspectTarget {
  child: TrackedProcess;
  url: string;
  port: number;
}

/**
 * Starts `testkit/scenarios/inspect-target.mjs` under `kind` with `--inspect=127.0.0.1:0`
 * and waits for its WebSocket URL and its "ready" line. The caller kills `child` in `finally`.
 */
export async function startInspectTarget(kind: TargetKind, ballast = 0): Promise<InspectTarget> {
  const [cmd, args] = inspectCommand(kind, INSPECT_TARGET, ballast ? [String(ballast)] : []);
  const child = spawnTracked(cmd, args);
  try {
    const [, url, port] = await child.waitForLine(/(ws:\/\/127\.0\.0\.1:(\d+)\/\S+)/, { stream: "stderr", timeoutMs: 20_000 });
    await child.waitForLine(/inspect-target ready/, { stream: "stdout", timeoutMs: 20_000 });
    return { child, url, port: Number(port) };
  } catch (error) {
    await child.kill();
    throw error;
  }
}

/** The error `promise` rejects with; throws if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection, but the promise resolved");
}
