// Test helper: the real Chromium snapshot of a page with DOM nodes (two of them detached) that
// the graph package's tests share: testkit's committed fixture.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { CHROME_DETACHED_FIXTURE } from "@heapgraph/testkit";

/** Chromium on testkit/scenarios/detached-dom.html (gzipped), made by scripts/make-chrome-fixture.mjs. */
export const CHROME_FIXTURE = CHROME_DETACHED_FIXTURE;

/** The Chromium snapshot's text. */
export function chromiumSnapshot(): string {
  return gunzipSync(readFileSync(CHROME_FIXTURE)).toString("utf8");
}
