// The local page server (src/web/) under the runtime running this file (Node, Deno and Bun each
// run it): token, Host check, security headers, 127.0.0.1 only, zod-checked queries, close.
// Plain fetch, no browser (the pages are driven in Chromium by explore-page.test.ts).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { request } from "node:http";
import { networkInterfaces } from "node:os";
import { z } from "zod";
import { currentRuntime, testWhen } from "@heapgraph/testkit";
import { apiQuery } from "../src/web/api-query.ts";
import { pageHtml } from "../src/web/page-html.ts";
import { startWebServer, type WebServer } from "../src/web/start-web-server.ts";
import { WebError } from "../src/web/web-error.ts";
import { webApp } from "../src/web/web-env.ts";
import { TOKEN_HEADER } from "../src/web/web-guard.ts";

const runtime = currentRuntime();

function demoApp() {
  const app = webApp();
  app.get("/", (c) => c.html(pageHtml({ title: "t<", nonce: c.get("secureHeadersNonce"), token: c.get("token"), body: "<p>hi</p>", data: { s: "</script><b>\u2028" } })));
  app.get("/api/double", (c) => c.json({ twice: 2 * apiQuery(c, z.object({ n: z.coerce.number().int().min(0).max(9) })).n }));
  return app;
}

/** The machine's first non-loopback IPv4 address, or null. */
function outsideAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) for (const info of list ?? []) if (!info.internal && info.family === "IPv4") return info.address;
  return null;
}

/** GET `url` with node:http and the given `Host` header (fetch may not set Host): status and body. */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string; csp: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, csp: res.headers["content-security-policy"] as string | undefined }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Whether a TCP connection to `url` is refused (or otherwise fails) rather than answered. */
async function unreachable(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await response.body?.cancel();
    return false;
  } catch {
    return true;
  }
}

test(`server (${runtime}): the token is required, Host is checked, every response has the security headers`, async () => {
  const server = await startWebServer({ app: demoApp() });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/);
    assert.is(server.warning, null);
    const page = await fetch(server.url);
    assert.is(page.status, 200);
    const html = await page.text();
    const csp = page.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    for (const directive of ["default-src 'none'", `script-src 'nonce-${nonce}'`, "connect-src 'self'", "img-src 'self' data:", "frame-ancestors 'none'", "base-uri 'none'"]) {
      assert.ok(csp.split("; ").includes(directive), `${directive} in ${csp}`);
    }
    assert.is(page.headers.get("x-content-type-options"), "nosniff");
    assert.is(page.headers.get("referrer-policy"), "no-referrer");
    assert.ok(html.includes(`<meta name="heapgraph-token" content="${server.token}">`));
    assert.ok(html.includes("<title>t&lt;</title>"));
    assert.ok(html.includes(`nonce="${nonce}"`), "embedded data carries the nonce");
    assert.ok(!html.includes("</script><b>") && !html.includes("\u2028"), "embedded strings cannot end the script element");

    for (const [what, url, init] of [
      ["no token", `${server.origin}/`, {}],
      ["a wrong token", `${server.origin}/?token=${"0".repeat(64)}`, {}],
      ["a token prefix", `${server.origin}/?token=${server.token.slice(0, 32)}`, {}],
      ["no token on an API", `${server.origin}/api/double?n=2`, {}],
    ] as const) {
      const refused = await fetch(url, init);
      assert.is(refused.status, 403, what);
      assert.is(await refused.text(), "", `${what}: no body`);
      assert.ok(refused.headers.get("content-security-policy"), `${what}: headers still set`);
    }
    for (const host of ["attacker.example", `attacker.example:${server.port}`, `127.0.0.1.attacker.example:${server.port}`]) {
      const rebound = await getWithHost(server.url, host);
      assert.equal([rebound.status, rebound.body], [403, ""], `Host: ${host} (DNS rebinding)`);
      assert.ok(rebound.csp, "headers still set");
    }
    for (const host of [`localhost:${server.port}`, `127.0.0.1:${server.port}`, "LOCALHOST"]) {
      assert.is((await getWithHost(server.url, host)).status, 200, `Host: ${host} is fine`);
    }

    const api = await fetch(`${server.origin}/api/double?n=4`, { headers: { [TOKEN_HEADER]: server.token } });
    assert.equal(await api.json(), { twice: 8 });
    const bad = await fetch(`${server.origin}/api/double?n=12`, { headers: { [TOKEN_HEADER]: server.token } });
    assert.is(bad.status, 400);
    assert.match(((await bad.json()) as { error: string }).error, /^n: .*\(got "12"\)$/);
  } finally {
    await server.close();
  }
  assert.ok(await unreachable(server.url), "closed: nothing listens any more");
  await server.close(); // twice is fine
});

const outside = outsideAddress();
testWhen(outside !== null, "this machine has no non-loopback IPv4 address")(
  `server (${runtime}): not reachable on the machine's other address by default; --host binds there, with a warning`,
  async () => {
    const server = await startWebServer({ app: demoApp() });
    try {
      assert.ok(await unreachable(`http://${outside}:${server.port}/?token=${server.token}`), `nothing answers on ${outside}`);
      const ok = await fetch(server.url);
      assert.is(ok.status, 200, "while 127.0.0.1 answers");
      await ok.body?.cancel();
    } finally {
      await server.close();
    }
    const wide = await startWebServer({ app: demoApp(), host: outside! });
    try {
      assert.match(wide.warning ?? "", /not only on this machine's loopback address/);
      const ok = await fetch(wide.url);
      assert.is(ok.status, 200);
      await ok.body?.cancel();
    } finally {
      await wide.close();
    }
  },
);

test(`server (${runtime}): bad options and a taken port are WebErrors naming the value`, async () => {
  try {
    await startWebServer({ app: webApp(), port: 70000 });
    assert.unreachable("port 70000");
  } catch (error) {
    assert.instance(error, WebError);
    assert.is((error as WebError).code, "BAD_OPTIONS");
    assert.match((error as Error).message, /70000/);
  }
  const first = await startWebServer({ app: webApp() });
  try {
    await startWebServer({ app: webApp(), port: first.port });
    assert.unreachable("the same port twice");
  } catch (error) {
    assert.instance(error, WebError);
    assert.is((error as WebError).code, "CANNOT_LISTEN");
    assert.ok((error as Error).message.includes(`127.0.0.1:${first.port}`), (error as Error).message);
  } finally {
    await first.close();
  }
});

test.run();
