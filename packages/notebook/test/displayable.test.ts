import { test } from "uvu";
import * as assert from "uvu/assert";
import { inspect } from "node:util";
import { type DisplayBundle, displayable, isDisplayable, JUPYTER_DISPLAY, NotebookError, toDisplayBundle } from "../src/index.ts";

test("the display symbol is Deno's kernel protocol symbol, Symbol.for(\"Jupyter.display\")", () => {
  assert.is(JUPYTER_DISPLAY, Symbol.for("Jupyter.display"));
});

test("a displayable result returns its bundle from [Symbol.for(\"Jupyter.display\")](), as Deno's kernel calls it", () => {
  const result = displayable({ type: "Foo", count: 3 }, (r) => ({
    "text/plain": `${r.type} ${r.count}`,
    "text/html": `<b>${r.type}</b> ${r.count}`,
  }));
  // What Deno's kernel does with a cell's last expression, with no import of this package:
  const method = (result as unknown as Record<symbol, () => DisplayBundle>)[Symbol.for("Jupyter.display")];
  assert.type(method, "function");
  assert.equal(method.call(result), { "text/plain": "Foo 3", "text/html": "<b>Foo</b> 3" });
  result.count = 4;
  assert.is(result[JUPYTER_DISPLAY]()["text/plain"], "Foo 4", "the bundle follows the object's state");
});

test("displayable leaves the object's data alone and prints as its text/plain", () => {
  const result = displayable({ type: "Foo", count: 3 }, (r) => ({ "text/plain": `${r.count} × ${r.type}` }));
  assert.equal(Object.keys(result), ["type", "count"]);
  assert.is(JSON.stringify(result), '{"type":"Foo","count":3}');
  assert.equal({ ...result }, { type: "Foo", count: 3 });
  assert.is(inspect(result), "3 × Foo");
  assert.ok(isDisplayable(result));
  assert.not.ok(isDisplayable({ type: "Foo" }));
  assert.not.ok(isDisplayable(null));
  assert.not.ok(isDisplayable("<b>x</b>"));
});

test("a display function that throws or returns no bundle gives NotebookError BAD_BUNDLE", () => {
  const throws = displayable({}, () => {
    throw new RangeError("nope");
  });
  try {
    throws[JUPYTER_DISPLAY]();
    assert.unreachable("did not throw");
  } catch (error) {
    assert.instance(error, NotebookError);
    assert.is((error as NotebookError).code, "BAD_BUNDLE");
    assert.instance((error as Error).cause, RangeError);
  }
  const empty = displayable({}, () => ({}) as DisplayBundle);
  assert.throws(() => toDisplayBundle(empty), (e: unknown) => e instanceof NotebookError && e.code === "BAD_BUNDLE");
});

test.run();
