import { test } from "uvu";
import * as assert from "uvu/assert";
import { NotebookError, toDisplayBundle } from "../src/index.ts";

const symbolic = (bundle: unknown) => ({ [Symbol.for("Jupyter.display")]: () => bundle });

test("strings and plain values become text/plain only", () => {
  assert.equal(toDisplayBundle("<b>not HTML</b>"), { "text/plain": "<b>not HTML</b>" });
  assert.equal(toDisplayBundle(42), { "text/plain": "42" });
  assert.equal(toDisplayBundle(null), { "text/plain": "null" });
  assert.equal(toDisplayBundle(undefined), { "text/plain": "undefined" });
  assert.equal(toDisplayBundle(10n), { "text/plain": "10" });
  assert.equal(toDisplayBundle({ a: [1, 2] }), { "text/plain": '{\n  "a": [\n    1,\n    2\n  ]\n}' });
  const cycle: Record<string, unknown> = {};
  cycle.self = cycle;
  assert.equal(toDisplayBundle(cycle), { "text/plain": "[object Object]" });
  assert.match(toDisplayBundle(new TypeError("bad"))["text/plain"], /^TypeError: bad/);
});

test("foreign displayable objects (any library using Deno's symbol) are completed, not replaced", () => {
  assert.equal(toDisplayBundle(symbolic({ "text/html": "<i>a &amp; b</i>" })), { "text/html": "<i>a &amp; b</i>", "text/plain": "a & b" });
  assert.equal(toDisplayBundle(symbolic({ "text/markdown": "# T" })), { "text/markdown": "# T", "text/plain": "# T" });
  assert.equal(toDisplayBundle(symbolic({ "application/json": { a: 1 } })), { "application/json": { a: 1 }, "text/plain": "[application/json]" });
});

test("an image/svg+xml-only bundle gains inline text/html without the XML declaration", () => {
  const bundle = toDisplayBundle(symbolic({ "image/svg+xml": '<?xml version="1.0"?>\n<svg></svg>' }));
  assert.is(bundle["text/html"], '<div class="heapgraph-graph"><svg></svg></div>');
  assert.is(bundle["image/svg+xml"], '<?xml version="1.0"?>\n<svg></svg>', "kept for front ends that prefer it");
  assert.is(bundle["text/plain"], "");
});

test("malformed bundles are refused with BAD_BUNDLE", () => {
  for (const bad of ["<b>x</b>", null, [1], { "text/html": 3 }]) {
    assert.throws(() => toDisplayBundle(symbolic(bad)), (e: unknown) => e instanceof NotebookError && e.code === "BAD_BUNDLE", JSON.stringify(bad));
  }
});

test.run();
