/**
 * Where a live call's output goes: inline in a Jupyter kernel (tslab, Deno), else printed, as
 * objgraph prints, or written to the `file` the caller gave.
 *
 * @module
 */
import { detectKernel, display, html } from "@heapgraph/notebook";

/**
 * Something text can be written to, like objgraph's `file=`: `process.stdout`, a stream, or an object of your own.
 *
 * @example
 * ```ts
 * const lines: string[] = [];
 * await showGrowth({ file: { write: (text) => lines.push(text) } });
 * ```
 */
export interface TextSink {
  write(text: string): unknown;
}

/**
 * Whether output should be displayed inline: a kernel runs this code and the caller gave no `file`.
 *
 * @example
 * ```ts
 * if (showsInline(options.file)) display(table); else printText(text, options.file);
 * ```
 */
export function showsInline(file: TextSink | undefined): boolean {
  return file === undefined && detectKernel() !== "none";
}

/**
 * Writes `text` (newline-terminated) to `file`, or prints it with `console.log`.
 *
 * @example
 * ```ts
 * printText("Graph written to refs.svg (4 nodes)", options.file);
 * ```
 */
export function printText(text: string, file: TextSink | undefined): void {
  if (file) file.write(text.endsWith("\n") ? text : `${text}\n`);
  else console.log(text.replace(/\n$/, ""));
}

/**
 * Shows a result: as HTML inline in a kernel (with `text` as its plain-text form), else `text`
 * printed or written to `file`. Empty text prints nothing, as objgraph prints nothing when there
 * is nothing to say.
 *
 * @example
 * ```ts
 * showResult(objgraphText, tableToHtml(table), options.file);
 * ```
 */
export function showResult(text: string, markup: string, file: TextSink | undefined): void {
  if (showsInline(file)) display(html(markup, { text }));
  else if (text !== "") printText(text, file);
}
