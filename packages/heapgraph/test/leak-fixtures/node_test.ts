// node:test: the leaky login fails with the diagnosis, its fix passes (run by leak-assertions-runners.test.ts).
import { test } from "node:test";
import { assertNoLeaks } from "../../src/index.ts";
import { fixedLogin, leakyLogin } from "./sessions.ts";

test("leaky login", async () => {
  await assertNoLeaks(leakyLogin, { iterations: 10 });
});

test("fixed login", async () => {
  await assertNoLeaks(fixedLogin, { iterations: 10 });
});
