// readSnapshot's parallel option: the edges section read by a "worker" (here runEdgeSectionJob run
// on this thread, concurrently with the read; packages/heapgraph's tests run it on a real worker)
// gives the same columns as a one-thread read, on real snapshots and on a generated one; the
// one-thread fallbacks (post returns false, the worker fails, the worker read at the wrong place)
// give the same columns; bad data in the edges section fails with the same SnapshotFormatError
// (code, section, byte offset, file) as a one-thread read, also when a later section is bad too.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import {
  readSnapshot,
  runEdgeSectionJob,
  SnapshotFormatError,
  type EdgeSectionJob,
  type EdgeSectionResult,
  type HeapSnapshot,
  type ParseWorkers,
} from "../src/index.ts";
import { CHROME_FIXTURE, rejectionOf, sampleSnapshot, snapshotDifferences, testWithSamples } from "./reader-helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "heapgraph-read-parallel-"));

/** A ParseWorkers that runs the job on this thread (concurrently with the read) and counts its posts. */
function inThread(minBytes = 0, run: (job: EdgeSectionJob) => Promise<EdgeSectionResult> | false = runEdgeSectionJob): ParseWorkers & { posts: number } {
  const workers = {
    posts: 0,
    minBytes,
    post(job: EdgeSectionJob) {
      workers.posts++;
      return run(job);
    },
  };
  return workers;
}

/** A V8 snapshot of `nodeCount` nodes with `perNode` edges each, written the way V8 writes (records on lines). */
function generatedSnapshot(nodeCount: number, perNode: number): string {
  const nodeFields = ["type", "name", "id", "self_size", "edge_count", "trace_node_id", "detachedness"];
  const header = {
    meta: {
      node_fields: nodeFields,
      node_types: [["hidden", "array", "string", "object", "code", "closure", "regexp", "number", "native", "synthetic"], "string", "number", "number", "number", "number", "number"],
      edge_fields: ["type", "name_or_index", "to_node"],
      edge_types: [["context", "element", "property", "internal", "hidden", "shortcut", "weak"], "string_or_number", "node"],
      trace_function_info_fields: [],
      trace_node_fields: [],
      sample_fields: [],
      location_fields: ["object_index", "script_id", "line", "column"],
    },
    node_count: nodeCount,
    edge_count: nodeCount * perNode,
    trace_function_count: 0,
  };
  let seed = 12345;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed % n;
  };
  const nodes: string[] = [];
  for (let i = 0; i < nodeCount; i++) nodes.push(`${next(10)},${1 + next(50)},${2 * i + 1},${next(100000)},${perNode},0,${next(3)}`);
  const edges: string[] = [];
  for (let e = 0; e < nodeCount * perNode; e++) {
    const type = next(7);
    edges.push(`${type},${type === 1 || type === 4 ? next(1000) : 1 + next(50)},${next(nodeCount) * nodeFields.length}`);
  }
  const strings = ["<dummy>", ...Array.from({ length: 50 }, (_, k) => `name ${k} \u00e9 "${k}"`)];
  return `{"snapshot":${JSON.stringify(header)},\n"nodes":[${nodes.join(",\n")}],\n"edges":[${edges.join(",\n")}],\n"trace_function_infos":[],\n"trace_tree":[],\n"samples":[],\n"locations":[],\n"strings":${JSON.stringify(strings)}}`;
}

function write(name: string, text: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function assertSame(label: string, parallel: HeapSnapshot, plain: HeapSnapshot): void {
  assert.equal(snapshotDifferences(parallel, plain), [], `${label}: same snapshot`);
  assert.equal(parallel.strings, plain.strings, `${label}: same strings`);
  assert.ok(parallel.edgeTarget.buffer instanceof SharedArrayBuffer, `${label}: edge targets on shared memory`);
}

const generated = generatedSnapshot(60_000, 6);
const generatedFile = write("generated.heapsnapshot", generated);

test("same columns as a one-thread read: a generated snapshot", async () => {
  const plain = await readSnapshot(generatedFile);
  assert.is(plain.edgeCount, 360_000);
  const workers = inThread();
  assertSame("generated", await readSnapshot(generatedFile, { parallel: workers }), plain);
  assert.is(workers.posts, 1, "the edges went to the worker");
  // With sharedMemory too (as the heapgraph command reads for the engine's worker): every column shared.
  const both = await readSnapshot(generatedFile, { parallel: workers, sharedMemory: true });
  assertSame("generated, sharedMemory", both, plain);
  assert.is(workers.posts, 2);
  for (const name of ["nodeType", "nodeName", "firstEdge", "edgeType", "edgeNameOrIndex"] as const) assert.ok(both[name].buffer instanceof SharedArrayBuffer, name);
});

test("same columns as a one-thread read: the Chrome fixture (unzipped)", async () => {
  const file = write("chrome.heapsnapshot", gunzipSync(readFileSync(CHROME_FIXTURE)));
  const workers = inThread();
  assertSame("chrome", await readSnapshot(file, { parallel: workers }), await readSnapshot(file));
  assert.is(workers.posts, 1);
});

testWithSamples("node24")("same columns as a one-thread read: a Node 24 snapshot", async () => {
  const file = await sampleSnapshot("node24");
  const workers = inThread();
  assertSame("node24", await readSnapshot(file, { parallel: workers }), await readSnapshot(file));
  assert.is(workers.posts, 1);
});

test("minBytes: smaller files, gzip files and non-file sources stay on one thread", async () => {
  const size = Buffer.byteLength(generated);
  const above = inThread(size + 1);
  await readSnapshot(generatedFile, { parallel: above });
  assert.is(above.posts, 0, "a file below minBytes");
  const at = inThread(size);
  await readSnapshot(generatedFile, { parallel: at });
  assert.is(at.posts, 1, "a file of minBytes");
  const byDefault = { posts: 0, post: (job: EdgeSectionJob) => (byDefault.posts++, runEdgeSectionJob(job)) };
  await readSnapshot(generatedFile, { parallel: byDefault });
  assert.is(byDefault.posts, 0, "a file below the default threshold");
  const gz = inThread();
  const plain = await readSnapshot(generatedFile);
  assert.equal(snapshotDifferences(await readSnapshot(write("generated.heapsnapshot.gz", gzipSync(generated)), { parallel: gz }), plain), []);
  assert.is(gz.posts, 0, "gzip");
  const bytes = inThread();
  assert.equal(snapshotDifferences(await readSnapshot(new TextEncoder().encode(generated), { parallel: bytes }), plain), []);
  assert.is(bytes.posts, 0, "bytes");
});

test("one-thread fallbacks give the same columns: post returns false, the worker fails, it reads elsewhere", async () => {
  const plain = await readSnapshot(generatedFile);
  const refused = inThread(0, () => false);
  assert.equal(snapshotDifferences(await readSnapshot(generatedFile, { parallel: refused }), plain), [], "post returns false");
  assert.is(refused.posts, 1);
  const crashed = inThread(0, () => Promise.reject(new Error("worker died")));
  assert.equal(snapshotDifferences(await readSnapshot(generatedFile, { parallel: crashed }), plain), [], "the worker's promise rejects");
  const throwing = inThread(0, () => {
    throw new Error("cannot post");
  });
  assert.equal(snapshotDifferences(await readSnapshot(generatedFile, { parallel: throwing }), plain), [], "post throws");
  // A worker that reads a wrong section (here: from a later "edges" key that is not there) is not trusted.
  const astray = inThread(0, (job) => runEdgeSectionJob({ ...job, searchFrom: job.size - 10 }));
  assert.equal(snapshotDifferences(await readSnapshot(generatedFile, { parallel: astray }), plain), [], "the worker found no key");
  const wrong = inThread(0, async (job) => ({ ...(await runEdgeSectionJob(job)), valueStart: 7 }));
  assert.equal(snapshotDifferences(await readSnapshot(generatedFile, { parallel: wrong }), plain), [], "the worker read at another place");
});

/** Both reads fail the same way; returns the error. */
async function sameError(text: string, what: string): Promise<SnapshotFormatError> {
  const file = write(`${what.replace(/\W+/g, "-")}.heapsnapshot`, text);
  const one = await rejectionOf(readSnapshot(file), `${what}: one thread`);
  const workers = inThread();
  const two = await rejectionOf(readSnapshot(file, { parallel: workers }), `${what}: two threads`);
  assert.instance(one, SnapshotFormatError, `${what}: ${String(one)}`);
  assert.instance(two, SnapshotFormatError, `${what}: ${String(two)}`);
  assert.is(workers.posts, 1, `${what}: posted`);
  const e1 = one as SnapshotFormatError, e2 = two as SnapshotFormatError;
  assert.is(e2.message, e1.message, what);
  assert.is(e2.code, e1.code, what);
  assert.is(e2.offset, e1.offset, what);
  assert.is(e2.section, e1.section, what);
  assert.is(e2.fileName, file, `${what}: names the file`);
  return e2;
}

test("errors in the edges section: the same SnapshotFormatError as one thread, with file and byte", async () => {
  const edgesAt = generated.indexOf('"edges":[') + 9;
  const badNumber = `${generated.slice(0, edgesAt + 1000)}x${generated.slice(edgesAt + 1001)}`;
  const e = await sameError(badNumber, "a bad byte in the edges");
  assert.is(e.section, "edges");
  assert.is(e.offset, edgesAt + 1000);
  const toNowhere = generated.replace(/("edges":\[\d+,\d+,)\d+/, "$1999999999");
  assert.is((await sameError(toNowhere, "an edge to no node")).code, "BAD_EDGE_TARGET");
  const short = generated.replace(/,\n\d+,\d+,\d+\],\n"trace_function_infos"/, '],\n"trace_function_infos"');
  assert.is((await sameError(short, "an edge short")).code, "COUNT_MISMATCH");
  const notArray = generated.replace('"edges":[', '"edges":{');
  assert.is((await sameError(notArray, "edges not an array")).code, "BAD_JSON");
  // Bad edges and bad strings: the edges' error comes first in the file, so it wins.
  const alsoLater = badNumber.replace(/"strings":\["<dummy>",/, '"strings":["<dummy>",,');
  assert.is((await sameError(alsoLater, "bad edges and bad strings")).section, "edges");
  // Bad nodes and bad edges: the nodes' error comes first.
  const nodesAt = generated.indexOf('"nodes":[') + 9;
  const alsoEarlier = `${badNumber.slice(0, nodesAt + 10)}-${badNumber.slice(nodesAt + 11)}`;
  assert.is((await sameError(alsoEarlier, "bad nodes and bad edges")).section, "nodes");
  // Cut inside the edges (and padded with spaces, so that the header's counts still fit the size): the same TRUNCATED.
  const cut = generated.slice(0, edgesAt + 5000).padEnd(generated.length, " ");
  assert.is((await sameError(cut, "cut in the edges")).code, "TRUNCATED");
});

test.after(() => rmSync(dir, { recursive: true, force: true }));

test.run();
