import { test } from "uvu";
import * as assert from "uvu/assert";
import { escapeHtml as renderEscapeHtml } from "@heapgraph/render";
import { escapeHtml, html, htmlToText, JUPYTER_DISPLAY, markdown, toDisplayBundle } from "../src/index.ts";

test("escapeHtml escapes the five characters that matter in content and attributes", () => {
  assert.is(escapeHtml(`Map<string, "a&b"> it's`), "Map&lt;string, &quot;a&amp;b&quot;&gt; it&#39;s");
  assert.is(escapeHtml("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  assert.is(escapeHtml("&amp;"), "&amp;amp;", "already-escaped text is escaped again: it is data");
  assert.is(escapeHtml("plain (GC roots) ✓"), "plain (GC roots) ✓");
  assert.is(escapeHtml("a\u0000b\nc"), "a\\x00b\\nc", "control characters show as escapes: heap strings are program data");
  assert.is(escapeHtml("a\n\tb", { multiline: true }), "a\n\tb", "kept for <pre> text");
});

test("escapeHtml is @heapgraph/render's, the one escaping of heapgraph", () => {
  assert.is(escapeHtml, renderEscapeHtml);
});

test("html() keeps the markup as given and derives text/plain from it", () => {
  const bundle = toDisplayBundle(html("<table><tr><th>type</th><th>count</th></tr><tr><td>Foo&lt;T&gt;</td><td>3</td></tr></table>"));
  assert.equal(Object.keys(bundle).sort(), ["text/html", "text/plain"]);
  assert.is(bundle["text/html"], "<table><tr><th>type</th><th>count</th></tr><tr><td>Foo&lt;T&gt;</td><td>3</td></tr></table>");
  assert.is(bundle["text/plain"], "type  count\nFoo<T>  3");
  assert.is(toDisplayBundle(html("<b>x</b>", { text: "X!" }))["text/plain"], "X!");
});

test("markdown() is text/markdown with its source as text/plain", () => {
  assert.equal(markdown("**3** new `Foo`")[JUPYTER_DISPLAY](), { "text/plain": "**3** new `Foo`", "text/markdown": "**3** new `Foo`" });
});

test("htmlToText drops SVG and scripts, decodes entities, keeps rows on lines", () => {
  assert.is(htmlToText("<p>3 &lt; 4 &amp;&#32;&#x41;</p><svg><text>hidden</text></svg><script>x()</script><p>end</p>"), "3 < 4 & A\nend");
  assert.is(htmlToText("a<br>b<br/>c"), "a\nb\nc");
  assert.is(htmlToText("&bogus; &#1114112;"), "&bogus; &#1114112;", "unknown entities stay");
});

test.run();
