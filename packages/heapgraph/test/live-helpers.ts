// Shared by the live API tests: a text sink that keeps what the calls print, temporary
// directories, and rejections as values.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { currentRuntime, testWhen } from "@heapgraph/testkit";

/** True under Bun, where live objects cannot be located by heap id. */
export const onBun = currentRuntime() === "bun";

/** `test` for what needs live objects located by heap id (Node, Deno): a visible skip on Bun. */
export const withLiveObjects = testWhen(!onBun, "Bun cannot locate live objects by heap id (no in-process inspector)");

/** `test` for what only Bun does (refusing to locate live objects): a visible skip elsewhere. */
export const onBunOnly = testWhen(onBun, "checks Bun's NotSupportedError; this runtime locates live objects");

/** A `file` sink for the live calls, and the lines written to it. */
export function sink(): { write(text: string): void; text(): string; lines(): string[] } {
  let out = "";
  return {
    write(text: string) {
      out += text;
    },
    text: () => out,
    lines: () => out.split("\n").filter((l) => l !== ""),
  };
}

/** A fresh temporary directory and its removal. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `heapgraph-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The error a promise rejects with; fails if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection, but the promise resolved");
}

/** Node statements (not the "more references" boxes) and edges of DOT text from toDot. */
export function dotParts(dot: string): { nodes: string[]; edges: string[] } {
  const nodes = dot.split("\n").filter((l) => /^ {2}n\d+ \[label=/.test(l));
  const edges = dot.split("\n").filter((l) => /^ {2}n\d+ -> n\d+ /.test(l));
  return { nodes, edges };
}
