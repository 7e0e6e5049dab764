// bun:test: the leaky login fails with the diagnosis (class counts on Bun), its fix passes
// (run by leak-assertions-runners.test.ts).
// @ts-expect-error bun:test has no types in this project
import { test } from "bun:test";
import { assertNoLeaks } from "../../src/index.ts";
import { fixedLogin, leakyLogin } from "./sessions.ts";

test("leaky login", async () => {
  await assertNoLeaks(leakyLogin, { iterations: 10 });
}, 120_000);

test("fixed login", async () => {
  await assertNoLeaks(fixedLogin, { iterations: 10 });
}, 120_000);
