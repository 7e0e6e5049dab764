// Every error the package throws is a HeapgraphError with a string code, a message that says
// what and where, and the cause chained; and each keeps its own fields.
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  CaptureError,
  HeapgraphError,
  NotSupportedError,
  ProtocolReplyError,
  readSnapshot,
  SnapshotFormatError,
  SnapshotIoError,
  SnapshotOptionsError,
} from "../src/index.ts";
import { rejectionOf } from "./reader-helpers.ts";

const cause = new Error("underneath");

const cases: [string, HeapgraphError, string, string][] = [
  [
    "SnapshotFormatError",
    new SnapshotFormatError("BAD_NUMBER", "not a number", { section: "edges", offset: 12, expected: '","', found: '"x"', fileName: "a.heapsnapshot", cause }),
    "BAD_NUMBER",
    'a.heapsnapshot: BAD_NUMBER: not a number (in "edges" at byte 12); expected ",", found "x"',
  ],
  ["SnapshotIoError", new SnapshotIoError("NOT_FOUND", "/x/a.heapsnapshot", "no such file", { cause }), "NOT_FOUND", "NOT_FOUND: no such file (/x/a.heapsnapshot)"],
  ["CaptureError", new CaptureError("REFUSED", "ws://127.0.0.1:1/x", "nothing accepted the connection", { cause }), "REFUSED", "REFUSED: nothing accepted the connection (endpoint ws://127.0.0.1:1/x)"],
  ["NotSupportedError", new NotSupportedError("heapIdOf", "bun", "no inspector", { cause }), "NOT_SUPPORTED", "heapIdOf is not supported on bun: no inspector"],
  ["ProtocolReplyError", new ProtocolReplyError("Heap.enable", -32601, "'Heap.enable' wasn't found"), "PROTOCOL_REPLY", "Heap.enable failed: 'Heap.enable' wasn't found (-32601)"],
  ["SnapshotOptionsError", new SnapshotOptionsError("takeSnapshot options: gc: expected boolean (got \"yes\")", { cause }), "INVALID_OPTIONS", 'takeSnapshot options: gc: expected boolean (got "yes")'],
];

test("every error class extends HeapgraphError and keeps its code, name and message", () => {
  for (const [name, error, code, message] of cases) {
    assert.instance(error, HeapgraphError, name);
    assert.instance(error, Error, name);
    assert.is(error.name, name);
    assert.is(error.code, code, name);
    assert.is(error.message, message, name);
    if (name !== "ProtocolReplyError") assert.is(error.cause, cause, `${name} chains its cause`);
  }
});

test("each error keeps its own fields", () => {
  const format = cases[0][1] as SnapshotFormatError;
  assert.equal([format.section, format.offset, format.expected, format.found, format.fileName, format.problem], ["edges", 12, '","', '"x"', "a.heapsnapshot", "not a number"]);
  assert.is(format.withFileName("b.heapsnapshot"), format, "a named error keeps its name");
  const unnamed = new SnapshotFormatError("TRUNCATED", "the input ended", { section: "nodes", offset: 3 }).withFileName("c.heapsnapshot");
  assert.instance(unnamed, HeapgraphError);
  assert.is(unnamed.code, "TRUNCATED");
  assert.match(unnamed.message, /^c\.heapsnapshot: TRUNCATED/);
  assert.is((cases[1][1] as SnapshotIoError).path, "/x/a.heapsnapshot");
  assert.is((cases[2][1] as CaptureError).endpoint, "ws://127.0.0.1:1/x");
  const notSupported = cases[3][1] as NotSupportedError;
  assert.equal([notSupported.operation, notSupported.runtime], ["heapIdOf", "bun"]);
  const reply = cases[4][1] as ProtocolReplyError;
  assert.equal([reply.method, reply.protocolCode], ["Heap.enable", -32601]);
});

test("errors thrown by the reader are HeapgraphErrors that a caller can branch on by code", async () => {
  const bad = await rejectionOf(readSnapshot('{"snapshot":'), "a cut header");
  assert.instance(bad, HeapgraphError);
  assert.is((bad as HeapgraphError).code, "TRUNCATED");
  const options = await rejectionOf(readSnapshot("{}", { format: "hprof" } as never), "a bad format option");
  assert.instance(options, HeapgraphError);
  assert.is((options as HeapgraphError).code, "INVALID_OPTIONS");
  assert.instance((options as Error).cause, Error, "the ZodError is the cause");
});

test.run();
