import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import type { Selection, SelectionNode } from "@heapgraph/graph";
import type { ToDotOptions } from "../../src/index.ts";

/** The directory of the JSON selections and their golden DOT files. */
export const fixturesDir = fileURLToPath(new URL("../fixtures/", import.meta.url));

/** A hand-written selection, as `refs` / `backrefs` / `chainSelection` return it, with the options to draw it. */
export interface SelectionFixture {
  readonly name: string;
  readonly description: string;
  readonly selection: Selection;
  readonly options?: ToDotOptions;
}

/** Every `fixtures/*.json`, sorted by name. */
export function selectionFixtures(): SelectionFixture[] {
  return readdirSync(fixturesDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ name: f.slice(0, -5), ...JSON.parse(readFileSync(join(fixturesDir, f), "utf8")) }));
}

/** Whether this run rewrites golden files (`UPDATE_GOLDEN=1`). */
export const updateGolden = process.env.UPDATE_GOLDEN === "1";

/**
 * The golden text of `fixtures/<file>`. With `UPDATE_GOLDEN=1` the file is first (re)written
 * from `actual`; otherwise a missing golden file is an error, never silently created.
 */
export function golden(file: string, actual: string): string {
  const path = join(fixturesDir, file);
  if (updateGolden) writeFileSync(path, actual);
  if (!existsSync(path)) throw new Error(`golden file fixtures/${file} is missing; run the tests with UPDATE_GOLDEN=1 to create it`);
  return readFileSync(path, "utf8");
}

/** Texts that break naive escaping, beyond the 256 single characters. */
export const NASTY_STRINGS: readonly string[] = [
  'say "hi" \\ to C:\\temp\\new',
  "line 1\nline 2\r\nline 3\ttabbed",
  "x".repeat(10_000),
  "lone surrogates \ud800 and \udfff, a pair 😀",
  "entities &lt; &amp; &#38; &nbsp; & alone",
  "DOT escapes \\N \\G \\E \\T \\H \\L \\l \\r \\n",
  '<b>html</b> <svg onload="x()"> ]]> <!-- -->',
  '"]; digraph evil { a -> b; } //',
  "\u2028 separators \u2029 \ufeff BOM \ufffe \uffff",
  "",
];

/**
 * A refs selection whose node class names, previews and edge names are each of the code points
 * 0–255 and the {@link NASTY_STRINGS}: one start node holding every other by a property edge
 * named like the node.
 */
export function allCharactersSelection(): Selection {
  const texts = [...Array.from({ length: 256 }, (_, cp) => String.fromCharCode(cp)), ...NASTY_STRINGS];
  const nodes: SelectionNode[] = [
    { ordinal: 0, id: 1, type: "object", className: "Holder", preview: "", selfSize: 16, retainedSize: 65_536, depth: 0, role: "start", highlighted: false, truncated: 0 },
  ];
  const edges = texts.map((text, i) => {
    nodes.push({
      ordinal: i + 1,
      id: 2 * i + 3,
      type: "string",
      className: text,
      preview: `<${text}>`,
      selfSize: i,
      retainedSize: i * 1000,
      depth: 1,
      role: "plain",
      highlighted: false,
      truncated: 0,
      extraInfo: text,
    });
    return { from: 0, to: i + 1, type: "property", name: text };
  });
  return { kind: "refs", nodes, edges, depthLimited: 0 };
}
