/**
 * The one line every output that hides noise ends with: what it hid, and how to see it.
 *
 * @module
 */
import type { HiddenSummary } from "@heapgraph/graph";
import { countNoun } from "./count-noun.ts";
import { formatSize } from "./format-size.ts";

/** What each noise reason is called in the line, in `NOISE_REASONS` order. */
const REASON_WORDS: readonly (readonly [keyof HiddenSummary["reasons"], string])[] = [
  ["engine", "engine internals"],
  ["heapgraph", "heapgraph's own objects"],
  ["snapshot", "the snapshot machinery"],
  ["runtime", "runtime internals"],
];

/**
 * `(hid 14 classes, 2,345 objects (1.2 MB) of engine internals and heapgraph's own objects —
 * --all to show)`: what a query's noise hiding left out (its `hidden`), and `show`, what shows it
 * (`--all` in the CLI, `{ all: true }` in the API). Empty when nothing was hidden. Plain text, no
 * line break; heap strings never appear in it.
 *
 * @example
 * ```ts
 * const rows = growth(before, after);
 * console.log(hiddenLine(rows.hidden, "--all"));
 * ```
 */
export function hiddenLine(hidden: HiddenSummary, show: string): string {
  if (hidden.classes === 0 && hidden.objects === 0) return "";
  const what = [
    ...(hidden.classes > 0 ? [countNoun(hidden.classes, "class", "classes")] : []),
    ...(hidden.objects > 0 ? [`${countNoun(hidden.objects, "object")} (${formatSize(hidden.bytes)})`] : []),
  ].join(", ");
  const reasons = REASON_WORDS.filter(([reason]) => (hidden.reasons[reason] ?? 0) > 0).map(([, words]) => words);
  const of = reasons.length === 0 ? "" : ` of ${reasons.length === 1 ? reasons[0] : `${reasons.slice(0, -1).join(", ")} and ${reasons.at(-1)}`}`;
  return `(hid ${what}${of} — ${show} to show)`;
}
