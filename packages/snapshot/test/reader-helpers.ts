// Shared by the reader and writer tests: the real snapshots they read, a column-by-column
// comparison of two snapshots, and a timeout so that no read can hang a test.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import * as assert from "uvu/assert";
import { CHROME_DETACHED_FIXTURE, repoRoot, snapshotRuntimes, takeRealSnapshot, testWhen, type SnapshotRuntime } from "@heapgraph/testkit";
import { HeapgraphError, SnapshotOptionsError, type HeapSnapshot } from "../src/index.ts";

/** The Chromium snapshot committed by scripts/make-chrome-fixture.mjs (a page keeping two detached <li>). */
export const CHROME_FIXTURE = CHROME_DETACHED_FIXTURE;
/** The scenario the real snapshots are taken of. */
export const SAMPLE_SCENARIO = join(repoRoot, "testkit", "scenarios", "sample.mjs");

/** Every runtime a real snapshot can come from, whether installed here or not. */
export const ALL_SAMPLE_RUNTIMES: readonly SnapshotRuntime[] = ["node20", "node24", "deno", "bun", "bun-jsc"];

/** The runtimes that take real snapshots here: node20, node24, deno, bun, bun-jsc. */
export function sampleRuntimes(): SnapshotRuntime[] {
  return snapshotRuntimes();
}

/** uvu's `test` when every one of `runtimes` takes real snapshots here; otherwise a visible skip that names the missing ones. */
export function testWithSamples(...runtimes: SnapshotRuntime[]): ReturnType<typeof testWhen> {
  const missing = runtimes.filter((r) => !sampleRuntimes().includes(r));
  return testWhen(missing.length === 0, `no ${missing.join(" or ")} runtime to take a sample snapshot with`);
}

/** A real snapshot of the sample scenario taken by `runtime` (cached for the whole test run). */
export function sampleSnapshot(runtime: SnapshotRuntime): Promise<string> {
  return takeRealSnapshot(runtime, "sample");
}

/** The Chromium fixture's JSON text. */
export function chromeFixtureText(): string {
  return gunzipSync(readFileSync(CHROME_FIXTURE)).toString("utf8");
}

/** Rejects if `promise` has not settled within `ms`: a read that hangs fails the test instead of stalling it. */
export async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The error `promise` rejects with (fails when it resolves). */
export async function rejectionOf(promise: Promise<unknown>, what: string): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error(`${what}: expected a rejection, but it succeeded`);
}

/**
 * Checks that `error` is the package's typed option error (a `SnapshotOptionsError`, so a
 * `HeapgraphError`, with code `INVALID_OPTIONS`) and that its message names each of `named`:
 * the function and argument, the bad field, the bad value.
 */
export function assertOptionsError(error: unknown, what: string, ...named: (string | RegExp)[]): void {
  assert.instance(error, SnapshotOptionsError, `${what}: ${String(error)}`);
  assert.instance(error, HeapgraphError, what);
  assert.is((error as SnapshotOptionsError).code, "INVALID_OPTIONS", what);
  assert.is((error as Error).name, "SnapshotOptionsError", what);
  for (const name of named) assert.match((error as Error).message, name, `${what}: the message names ${String(name)}: ${(error as Error).message}`);
}

const COLUMNS = [
  "nodeType", "nodeName", "nodeId", "nodeSelfSize", "nodeTraceId", "nodeDetachedness", "firstEdge",
  "edgeType", "edgeNameOrIndex", "edgeTarget",
] as const;

/**
 * Differences between two snapshots, column by column (empty when identical). `format` is
 * compared unless `ignoreFormat` (a JSC snapshot written as V8 reads back as "v8").
 */
export function snapshotDifferences(a: HeapSnapshot, b: HeapSnapshot, ignoreFormat = false): string[] {
  const out: string[] = [];
  if (!ignoreFormat && a.format !== b.format) out.push(`format ${a.format} / ${b.format}`);
  for (const key of ["nodeCount", "edgeCount", "rootOrdinal"] as const) if (a[key] !== b[key]) out.push(`${key} ${a[key]} / ${b[key]}`);
  for (const key of ["nodeTypeNames", "edgeTypeNames"] as const) if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) out.push(key);
  if (JSON.stringify(a.header) !== JSON.stringify(b.header)) out.push("header");
  for (const key of COLUMNS) {
    const diff = arrayDifference(a[key], b[key]);
    if (diff) out.push(`${key}: ${diff}`);
  }
  for (const [label, x, y] of [["extraNodeFields", a.extraNodeFields, b.extraNodeFields], ["extraEdgeFields", a.extraEdgeFields, b.extraEdgeFields]] as const) {
    if (JSON.stringify([...x.keys()]) !== JSON.stringify([...y.keys()])) out.push(`${label} names`);
    for (const [name, col] of x) {
      const diff = arrayDifference(col, y.get(name) ?? null);
      if (diff) out.push(`${label}.${name}: ${diff}`);
    }
  }
  const strings = arrayDifference(a.strings, b.strings);
  if (strings) out.push(`strings: ${strings}`);
  if ((a.locations === null) !== (b.locations === null)) out.push("locations null");
  else if (a.locations && b.locations) {
    for (const key of ["objectOrdinal", "scriptId", "line", "column"] as const) {
      const diff = arrayDifference(a.locations[key], b.locations[key]);
      if (diff) out.push(`locations.${key}: ${diff}`);
    }
    const ax = [...(a.locations.extraFields ?? [])], bx = [...(b.locations.extraFields ?? [])];
    if (JSON.stringify(ax.map(([k, v]) => [k, [...v]])) !== JSON.stringify(bx.map(([k, v]) => [k, [...v]]))) out.push("locations.extraFields");
  }
  if ((a.traces === null) !== (b.traces === null)) out.push("traces null");
  else if (a.traces && b.traces) {
    for (const key of ["functionInfos", "tree", "samples"] as const) {
      const diff = arrayDifference(a.traces[key], b.traces[key]);
      if (diff) out.push(`traces.${key}: ${diff}`);
    }
  }
  if (JSON.stringify([...a.extraSections]) !== JSON.stringify([...b.extraSections])) out.push("extraSections");
  return out;
}

function arrayDifference(x: ArrayLike<number | string> | null, y: ArrayLike<number | string> | null): string | null {
  if (x === null || y === null) return x === y ? null : `${x === null ? "null" : "array"} / ${y === null ? "null" : "array"}`;
  if (x.length !== y.length) return `length ${x.length} / ${y.length}`;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return `[${i}] ${JSON.stringify(x[i])} / ${JSON.stringify(y[i])}`;
  return null;
}

/** Ordinals of nodes called `name` (and of node type `type` when given). */
export function nodesNamed(snap: HeapSnapshot, name: string, type?: string): number[] {
  const found: number[] = [];
  for (let o = 0; o < snap.nodeCount; o++) {
    if (snap.strings[snap.nodeName[o]] !== name) continue;
    if (type !== undefined && snap.nodeTypeNames[snap.nodeType[o]] !== type) continue;
    found.push(o);
  }
  return found;
}

/** Names of the named edges of `ordinal` (property, context, internal, ...), in order. */
export function edgeNames(snap: HeapSnapshot, ordinal: number): string[] {
  const out: string[] = [];
  for (let e = snap.firstEdge[ordinal]; e < snap.firstEdge[ordinal + 1]; e++) {
    const type = snap.edgeTypeNames[snap.edgeType[e]];
    if (type !== "element" && type !== "hidden") out.push(snap.strings[snap.edgeNameOrIndex[e]]);
  }
  return out;
}

/** The target of `ordinal`'s first edge named `name`, or -1. */
export function edgeTarget(snap: HeapSnapshot, ordinal: number, name: string): number {
  for (let e = snap.firstEdge[ordinal]; e < snap.firstEdge[ordinal + 1]; e++) {
    const type = snap.edgeTypeNames[snap.edgeType[e]];
    if (type !== "element" && type !== "hidden" && snap.strings[snap.edgeNameOrIndex[e]] === name) return snap.edgeTarget[e];
  }
  return -1;
}
