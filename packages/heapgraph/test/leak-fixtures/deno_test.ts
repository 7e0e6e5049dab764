// Deno.test: the leaky login fails with the diagnosis, its fix passes (run by leak-assertions-runners.test.ts).
import { assertNoLeaks } from "../../src/index.ts";
import { fixedLogin, leakyLogin } from "./sessions.ts";

declare const Deno: { test(name: string, fn: () => Promise<void>): void };

Deno.test("leaky login", async () => {
  await assertNoLeaks(leakyLogin, { iterations: 10 });
});

Deno.test("fixed login", async () => {
  await assertNoLeaks(fixedLogin, { iterations: 10 });
});
