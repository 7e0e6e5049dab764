// A test file that must fail: the test matrix runs it under every runtime first and
// refuses to trust a runtime whose run of it exits 0.
import { test } from "uvu";
import * as assert from "uvu/assert";

const passes: number = 1;
test("self-check: a passing test", () => {
  assert.is(passes, 1);
});
test("self-check: a deliberately failing test", () => {
  assert.is(passes, 2, "this failure is expected");
});
test.run();
