/**
 * `heapgraph strings FILE`: strings held in many identical copies (Eclipse MAT's duplicate strings).
 *
 * @module
 */
import { duplicateStrings } from "@heapgraph/graph";
import { formatCount, formatSize, printable, tableToText, type Table } from "@heapgraph/render";
import { defineCommand } from "../command.ts";
import { countFlag, limitFlag } from "../flags.ts";
import { loadGraph } from "../load-graph.ts";
import { printResult } from "../output.ts";

/**
 * `strings FILE [--limit N] [--min-count N]`. JSON: `{ file, strings: [{ value, length, count, size, totalSize, wastedBytes, ids }] }`.
 *
 * @example
 * ```ts
 * await main(["strings", "app.heapsnapshot", "--limit", "5"]);
 * ```
 */
export const stringsCommand = defineCommand({
  name: "strings",
  summary: "duplicated strings: the same text held in many separate copies, most wasted bytes first",
  positionals: ["FILE"],
  options: {
    limit: limitFlag("how many strings to list (default 20; all: every one)", 20),
    "min-count": countFlag("only strings with at least N copies (default 2)", 2, { min: 2 }),
  },
  examples: ["heapgraph strings app.heapsnapshot --limit 10 --min-count 100"],
  async run(args, ctx) {
    const { limit, "min-count": minCount } = args.values;
    const [file] = args.positionals;
    const graph = await loadGraph(file, ctx);
    const rows = duplicateStrings(graph, { limit, minCount });
    const strings = rows.map((r) => ({
      value: r.value,
      length: r.length,
      count: r.count,
      concatenated: r.concatenated,
      size: r.size,
      totalSize: r.totalSize,
      wastedBytes: r.wastedBytes,
      ids: r.ids,
    }));
    const { notMaterialized, unknownText } = rows;
    // Strings whose text was not built are counted, never guessed: said in one line.
    const left = [
      notMaterialized > 0 ? `${formatCount(notMaterialized)} concatenated strings over the text budget` : "",
      unknownText > 0 ? `${formatCount(unknownText)} strings with a sliced part (V8 does not write its offset)` : "",
    ].filter(Boolean);
    const note = left.length > 0 ? `(not compared: ${left.join("; ")})\n` : "";
    printResult(ctx, { file, strings, notMaterialized, unknownText }, () => {
      if (strings.length === 0) return `No string is held in ${minCount} or more copies in ${file}.\n${note}`;
      const table: Table = {
        title: `Duplicated strings in ${file}`,
        columns: [
          { header: "Copies", align: "right" },
          { header: "Size each", align: "right" },
          { header: "Wasted", align: "right" },
          { header: "Text", align: "left" },
        ],
        rows: strings.map((s) => [formatCount(s.count), formatSize(s.size), formatSize(s.wastedBytes), `"${printable(s.value, 60)}"`]),
      };
      return tableToText(table) + note;
    });
  },
});
