import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  RenderError,
  compareTable,
  escapeMarkdown,
  formatCount,
  formatSize,
  formatTable,
  formatTrace,
  growthTable,
  largestRetainersTable,
  leakClustersTable,
  leaksTable,
  mostCommonTypesTable,
  printable,
  selectionEdgesText,
  selectionTable,
  tableToHtml,
  tableToMarkdown,
  tableToText,
  type Table,
} from "../src/index.ts";
import { HeapgraphError } from "@heapgraph/snapshot";
import { selectionFixtures } from "./helpers/fixtures.ts";
import { compareRows, growthRows, leakRows, retainerRows, step, typeRows } from "./helpers/rows.ts";
import { NASTY_STRINGS } from "./helpers/fixtures.ts";
import { findAll, parseXml, textOf } from "./helpers/xml.ts";

test("formatSize: SI units, three significant digits, signs", () => {
  const cases: [number, string][] = [
    [0, "0 B"], [532, "532 B"], [999, "999 B"], [999.6, "1 kB"], [1000, "1 kB"], [1234, "1.2 kB"], [12_345, "12.3 kB"],
    [123_456, "123 kB"], [999_499, "999 kB"], [999_500, "1 MB"], [3_400_000, "3.4 MB"], [5_000_000_000, "5 GB"], [-2048, "-2 kB"],
  ];
  for (const [bytes, text] of cases) assert.is(formatSize(bytes), text, String(bytes));
  assert.is(formatSize(2048, { signed: true }), "+2 kB");
  assert.is(formatSize(0, { signed: true }), "0 B");
  assert.is(formatSize(-5, { signed: true }), "-5 B");
  assert.is(formatCount(1234567), "1,234,567");
  assert.is(formatCount(-1000, true), "-1,000");
  assert.is(formatCount(14, true), "+14");
  assert.is(formatCount(0, true), "0");
});

const tables: [string, Table, string[][]][] = [
  ["mostCommonTypes", mostCommonTypesTable(typeRows), typeRows.map((r) => [r.name, formatCount(r.count), formatSize(r.selfSize), formatSize(r.retainedSize)])],
  ["growth", growthTable(growthRows), growthRows.map((r) => [r.name, formatCount(r.count), `+${r.delta}`, formatSize(r.sizeDelta, { signed: true })])],
  ["compare", compareTable(compareRows), compareRows.map((r) => [r.name, String(r.added), String(r.removed), formatCount(r.countDelta, true), formatSize(r.addedSize), formatSize(r.removedSize), formatSize(r.sizeDelta, { signed: true })])],
  ["leaks", leaksTable(leakRows), leakRows.map((r, i) => [String(i + 1), formatCount(r.count), formatSize(r.retainedSize), r.classes.map((c) => `${c.name} ×${c.count}`).join(", "), formatTrace(r.trace)])],
  ["leak clusters", leakClustersTable(leakRows), [["1", "100", "640 kB", "Session ×99, Token ×1", "Request -WeakMap key (table @299)->"], ["2", "1", "64 B", "Timer ×1", "Window -timer->"]]],
  ["selection", selectionTable(selectionFixtures().find((f) => f.name === "refs-y")!.selection), [
    ["0", "Array", "@44351", "Array(3)", "32 B", "224 B", ""],
    ["1", "Array", "@44353", "Array(0)", "32 B", "32 B", ""],
    ["1", "Array", "@44355", "Array(1)", "32 B", "56 B", ""],
    ["1", "{x}", "@44357", "", "32 B", "32 B", ""],
  ]],
  ["largestRetainers", largestRetainersTable(retainerRows), [["Map", "@12", "Map(1000)", "32 B", "1 MB", "45.7%"], ["Array", "@14", "", "16 B", "999 B", "<0.1%"]]],
];

for (const [name, table, cells] of tables) {
  test(`${name}: cells are the rows, sizes human-readable`, () => {
    assert.equal(table.rows, cells);
    assert.ok(table.title);
  });

  test(`${name}: text is aligned column by column`, () => {
    const text = tableToText(table);
    const lines = text.trimEnd().split("\n");
    assert.is(lines[0], table.title);
    assert.match(lines[2]!, /^-+$/);
    const body = [lines[1]!, ...lines.slice(3)];
    assert.is(body.length, table.rows.length + 1);
    // Each column starts (left) or ends (right) at the same place on every line.
    let at = 0;
    table.columns.forEach((column, i) => {
      const texts = [column.header, ...table.rows.map((r) => r[i]!)];
      const width = Math.max(...texts.map((t) => [...t].length));
      body.forEach((line, j) => {
        const cell = texts[j]!;
        const slot = [...line].slice(at, at + width).join("").padEnd(width); // a line's trailing spaces are trimmed
        if (column.align === "right") assert.is(slot, cell.padStart(width), `${column.header} row ${j}`);
        else assert.is(slot.trimEnd(), cell, `${column.header} row ${j}`);
      });
      at += width + 2;
    });
    for (const line of lines) assert.not.match(line, / $/, "no trailing spaces");
    assert.is(formatTable(table, "text"), text);
  });

  test(`${name}: Markdown has one cell per column, numbers right-aligned`, () => {
    const md = tableToMarkdown(table);
    const lines = md.trimEnd().split("\n");
    assert.is(lines[0], `**${escapeMarkdown(table.title!)}**`);
    const rows = lines.filter((l) => l.startsWith("|"));
    assert.is(rows.length, table.rows.length + 2);
    for (const row of rows) assert.is(row.split(/(?<!\\)\|/).length, table.columns.length + 2, row);
    assert.is(rows[1], `| ${table.columns.map((c) => (c.align === "right" ? "---:" : ":---")).join(" | ")} |`);
    assert.is(formatTable(table, "markdown"), md);
  });

  test(`${name}: HTML is well-formed and shows every cell`, () => {
    const html = tableToHtml(table);
    const doc = parseXml(html);
    assert.is(doc.name, "table");
    assert.is(textOf(findAll(doc, (e) => e.name === "caption")[0]!), table.title);
    assert.equal(findAll(doc, (e) => e.name === "th").map(textOf), table.columns.map((c) => c.header));
    const body = findAll(doc, (e) => e.name === "tbody")[0]!;
    assert.equal(findAll(body, (e) => e.name === "tr").map((tr) => findAll(tr, (e) => e.name === "td").map(textOf)), cells);
    for (const td of findAll(body, (e) => e.name === "td")) assert.match(td.attributes.style!, /text-align:(left|right)/);
    assert.is(formatTable(table, "html"), html);
  });
}

test("header: false gives objgraph's bare show_growth rows (%9d counts), the size change last", () => {
  const text = tableToText(growthTable(growthRows), { header: false });
  const width = Math.max(...growthRows.map((r) => r.name.length));
  const objgraph = growthRows.map((r) => `${r.name.padEnd(width)} ${formatCount(r.count).padStart(9)} ${`+${r.delta}`.padStart(9)} ${formatSize(r.sizeDelta, { signed: true }).padStart(9)}`);
  assert.is(text, `${objgraph.join("\n")}\n`);
});

test("limit keeps the first rows and says how many are left out", () => {
  const table = mostCommonTypesTable(typeRows, { limit: 1, title: "" });
  assert.is(table.rows.length, 1);
  assert.is(table.title, undefined);
  assert.is(table.note, "… and 2 more rows");
  assert.match(tableToText(table), /\n… and 2 more rows\n$/);
  assert.match(tableToMarkdown(table), /\n\n_… and 2 more rows_\n$/);
  assert.match(tableToHtml(table), /<tfoot><tr><td colspan="4">… and 2 more rows<\/td><\/tr><\/tfoot>/);
  assert.equal(mostCommonTypesTable(typeRows, { qualifiedNames: true }).rows.map((r) => r[0]), ["(string)", "app.mjs:3:Array", "Session"]);
});

test("traces: edge labels between class names, WeakMap pairs named by their holder", () => {
  assert.is(formatTrace(leakRows[0]!.trace), "(GC roots) -[5]-> global -.lastRequest-> Request -WeakMap key (table @299)-> Session");
  assert.is(formatTrace(leakRows[1]!.trace, { ids: true }), "Window @7 -timer-> Timer @9");
  assert.is(formatTrace([step("Window", 7, null), step("Timer", 9, null)]), "Window -?-> Timer", "a step without its edge");
  assert.match(formatTrace(leakRows[0]!.trace, { ids: true }), /^\(GC roots\) @1 -\[5\]-> global @5 /);
});

test("leak clusters: the first three classes, the holder of the representative, a note past the limit", () => {
  const many = { ...leakRows[0]!, classes: ["A", "B", "C", "D"].map((name) => ({ name, qualifiedName: name, count: 1 })) };
  const table = leakClustersTable([many, leakRows[1]!, leakRows[1]!], { limit: 2 });
  assert.is(table.title, "Leak clusters: 3 (showing 2), largest first");
  assert.is(leakClustersTable([many]).title, "Leak clusters: 1, largest first", "all shown: no (showing N)");
  assert.is(table.rows[0]![3], "A ×1, B ×1, C ×1, …");
  assert.is(table.note, "… and 1 more row");
  const held = leakClustersTable([{ ...leakRows[0]!, trace: leakRows[0]!.trace.slice(0, 3) }]);
  assert.is(held.rows[0]![4], "global.lastRequest", "property and element edges read as member access");
  assert.is(leakClustersTable([{ ...leakRows[1]!, trace: leakRows[1]!.trace.slice(0, 1) }]).rows[0]![4], "", "a trace of one step has no holder");
});

test("selection table: the edges tooMany cut are counted under Not shown", () => {
  const table = selectionTable(selectionFixtures().find((f) => f.name === "backrefs-too-many")!.selection);
  assert.ok(table.rows.some((r) => r[6] === "37"), JSON.stringify(table.rows));
});

test("selection edges: one line each, holder first, WeakMap pairs named by their holder", () => {
  const chain = selectionFixtures().find((f) => f.name === "chain")!.selection;
  const lines = selectionEdgesText(chain).trimEnd().split("\n");
  assert.is(lines.length, chain.edges.length);
  for (const line of lines) assert.match(line, /^  \S.* @\d+ -.+-> .+ @\d+$/);
  assert.ok(lines.some((l) => l.includes("-WeakMap value (key @301)->")), lines.join("\n"));
});

test("any cell text survives every format", () => {
  const nasty = [...Array.from({ length: 256 }, (_, cp) => String.fromCharCode(cp)), ...NASTY_STRINGS];
  const table: Table = { title: "a | <b> & *c*", columns: [{ header: "Text", align: "left" }, { header: "N", align: "right" }], rows: nasty.map((t, i) => [t, String(i)]) };
  const doc = parseXml(tableToHtml(table));
  assert.equal(findAll(doc, (e) => e.name === "td" && e.attributes.style === "text-align:left").map(textOf), nasty.map((t) => printable(t)));
  assert.is(textOf(findAll(doc, (e) => e.name === "caption")[0]!), table.title);
  for (const line of tableToMarkdown(table).split("\n").filter((l) => l.startsWith("| "))) {
    assert.is(line.split(/(?<!\\)\|/).length, 4, `one cell per column: ${JSON.stringify(line)}`);
    assert.not.match(line, /<|(?<!\\)[*_`[\]]|&(?!amp;|lt;|gt;)/, `escaped: ${JSON.stringify(line)}`);
  }
  const text = tableToText(table);
  assert.not.match(text, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/, "no control characters in text");
  assert.is(text.split("\n").length, nasty.length + 3 + 1, "one line per row");
});

test("bad input throws RenderError INVALID_OPTIONS", () => {
  const bad: [() => unknown, RegExp][] = [
    [() => mostCommonTypesTable(null as never), /^mostCommonTypesTable: rows: .*\(got null\)/],
    [() => growthTable(growthRows, { limit: -1 }), /^growthTable: limit: .*\(got -1\)/],
    [() => leaksTable(leakRows, { color: true } as never), /^leaksTable: Unrecognized key: "color"/],
    [() => leakClustersTable(leakRows, { limit: 1.5 }), /^leakClustersTable: limit: .*\(got 1\.5\)/],
    [() => formatTable(tables[0]![1], "pdf" as never), /^formatTable: format: .*\(got "pdf"\)/],
    [() => tableToText(tables[0]![1], { header: "no" } as never), /^tableToText: header: .*\(got "no"\)/],
    [() => formatTrace(leakRows[0]!.trace, { ids: 1 } as never), /^formatTrace: ids: .*\(got 1\)/],
  ];
  for (const [fn, message] of bad) {
    try {
      fn();
      assert.unreachable("accepted bad input");
    } catch (error) {
      assert.instance(error, RenderError);
      assert.instance(error, HeapgraphError, "every heapgraph error has the one base");
      assert.is((error as RenderError).name, "RenderError");
      assert.is((error as RenderError).code, "INVALID_OPTIONS");
      assert.match((error as Error).message, message);
    }
  }
});

test.run();
