// Shared by the service scenarios: start sessions-service.mjs under the runtime running heapgraph
// (Node, or Deno), with its inspector on a free loopback port.
import process from "node:process";

export function serviceScenario(leak) {
  const deno = typeof globalThis.Deno !== "undefined";
  return {
    start: {
      command: process.execPath,
      args: deno ? ["run", "--inspect=127.0.0.1:0", "--allow-net", "--allow-env", "sessions-service.mjs"] : ["--inspect=127.0.0.1:0", "sessions-service.mjs"],
      env: { LEAK: leak ? "1" : "0" },
    },
    action: async (ctx) => ctx.fetch(`/login?user=${ctx.iteration}`),
    iterations: 20,
  };
}
