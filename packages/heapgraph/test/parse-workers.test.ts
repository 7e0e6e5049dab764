// The reader's second thread on each runtime (src/parallel/parse-*.ts): the worker entry, started
// by createParseWorkers as the CLI starts it, reads a generated snapshot's edges section into shared
// columns, and readSnapshot({ parallel }) gives exactly the one-thread columns; bad edges fail with
// the one-thread error. Where no worker can start (Node 20 running the sources through a loader),
// post says so and the read stays on one thread, with the same columns.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PARALLEL_PARSE_MIN_BYTES, readSnapshot, SnapshotFormatError, type EdgeSectionJob, type EdgeSectionResult, type HeapSnapshot, type ParseWorkers } from "@heapgraph/snapshot";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createParseWorkers, parseWorkersFor } from "../src/parallel/parse-workers.ts";

const dir = mkdtempSync(join(tmpdir(), "heapgraph-parse-workers-"));
const COLUMNS = ["nodeType", "nodeName", "nodeId", "nodeSelfSize", "firstEdge", "edgeType", "edgeNameOrIndex", "edgeTarget"] as const;
const noWorkerHere = () => import.meta.url.endsWith(".ts") && typeof (globalThis as { Worker?: unknown }).Worker !== "function" && !(process.features as { typescript?: unknown }).typescript;

/** A V8 snapshot of `nodeCount` nodes with 5 edges each. */
function generated(nodeCount: number): string {
  const header = {
    meta: {
      node_fields: ["type", "name", "id", "self_size", "edge_count", "detachedness"],
      node_types: [["hidden", "array", "string", "object", "code", "closure", "regexp", "number", "native", "synthetic"], "string", "number", "number", "number", "number"],
      edge_fields: ["type", "name_or_index", "to_node"],
      edge_types: [["context", "element", "property", "internal", "hidden", "shortcut", "weak"], "string_or_number", "node"],
    },
    node_count: nodeCount,
    edge_count: nodeCount * 5,
  };
  let seed = 7;
  const next = (n: number) => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) % n);
  const nodes = Array.from({ length: nodeCount }, (_, i) => `${next(10)},${1 + next(20)},${2 * i + 1},${next(5000)},5,${next(3)}`);
  const edges = Array.from({ length: nodeCount * 5 }, () => `${next(7)},${1 + next(20)},${next(nodeCount) * 6}`);
  const strings = ["", ...Array.from({ length: 20 }, (_, k) => `s${k}`)];
  return `{"snapshot":${JSON.stringify(header)},\n"nodes":[${nodes.join(",\n")}],\n"edges":[${edges.join(",\n")}],\n"strings":${JSON.stringify(strings)}}`;
}

/** `workers`, recording what the worker answered. */
function recorded(workers: ParseWorkers): ParseWorkers & { answers: EdgeSectionResult[]; refused: number } {
  const out = {
    answers: [] as EdgeSectionResult[],
    refused: 0,
    minBytes: 0,
    post(job: EdgeSectionJob) {
      const answer = workers.post(job);
      if (!answer) {
        out.refused++;
        return false as const;
      }
      return answer.then((result) => (out.answers.push(result), result));
    },
  };
  return out;
}

function assertSame(label: string, a: HeapSnapshot, b: HeapSnapshot): void {
  for (const name of COLUMNS) assert.equal(Array.from(a[name]), Array.from(b[name]), `${label}: ${name}`);
  assert.equal(a.strings, b.strings, `${label}: strings`);
}

test("the parse worker reads the edges as the one-thread reader does, or says it cannot start", async () => {
  const text = generated(40_000);
  const file = join(dir, "generated.heapsnapshot");
  writeFileSync(file, text);
  const threads = createParseWorkers({ minBytes: 0 });
  try {
    threads.start();
    const parallel = recorded(threads);
    const plain = await readSnapshot(file);
    const two = await readSnapshot(file, { parallel });
    assertSame("generated", two, plain);
    if (noWorkerHere()) {
      assert.is(parallel.refused, 1, "only Node 20 on sources has no worker: the read stayed on one thread");
      return;
    }
    assert.is(parallel.answers.length, 1, "the worker answered");
    const answer = parallel.answers[0];
    assert.is(answer.failed, null, `the worker ran the job: ${answer.failed}`);
    assert.is(answer.valueStart, text.indexOf('"edges":') + 8, "at the edges section");
    assert.is(answer.records, plain.edgeCount);
    assert.ok(two.edgeTarget.buffer instanceof SharedArrayBuffer, "edges on shared memory");

    // A bad number in the edges: the worker's error, as the one-thread reader throws it.
    const at = text.indexOf('"edges":[') + 2000;
    const bad = join(dir, "bad.heapsnapshot");
    writeFileSync(bad, `${text.slice(0, at)}x${text.slice(at + 1)}`);
    const one = await readSnapshot(bad).catch((e: unknown) => e);
    const badParallel = recorded(threads);
    const twoError = await readSnapshot(bad, { parallel: badParallel }).catch((e: unknown) => e);
    assert.instance(twoError, SnapshotFormatError, String(twoError));
    assert.is((twoError as Error).message, (one as Error).message);
    assert.is((twoError as SnapshotFormatError).offset, at);
    assert.is(badParallel.answers[0]?.error?.offset, at, "found by the worker");
  } finally {
    threads.close();
  }
});

test("parseWorkersFor (HEAPGRAPH_THREADS=2): a started worker for plain files of PARALLEL_PARSE_MIN_BYTES or more only", () => {
  process.env.HEAPGRAPH_THREADS = "2";
  const file = join(dir, "small.heapsnapshot");
  writeFileSync(file, generated(10));
  assert.is(parseWorkersFor(file), undefined, "a small file");
  assert.is(parseWorkersFor(join(dir, "missing.heapsnapshot")), undefined, "a missing file is left to the reader");
  // Only the size counts: sparse files.
  const big = join(dir, "big.heapsnapshot");
  writeFileSync(big, "");
  truncateSync(big, PARALLEL_PARSE_MIN_BYTES);
  const gz = join(dir, "big.heapsnapshot.gz");
  writeFileSync(gz, "");
  truncateSync(gz, PARALLEL_PARSE_MIN_BYTES);
  assert.is(parseWorkersFor(gz), undefined, "a gzip file");
  const workers = parseWorkersFor(big);
  try {
    if (noWorkerHere()) assert.is(workers, undefined, "Node 20 on sources cannot start the worker");
    else assert.ok(workers && typeof workers.post === "function", "a worker for a file of PARALLEL_PARSE_MIN_BYTES");
  } finally {
    workers?.close();
    delete process.env.HEAPGRAPH_THREADS;
  }
});

test.after(() => rmSync(dir, { recursive: true, force: true }));

test.run();
