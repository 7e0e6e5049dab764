import type { Displayable } from "./display-bundle.ts";
import { fixedDisplay } from "./displayable.ts";
import { htmlToText } from "../markup/html-to-text.ts";

/**
 * A displayable HTML fragment: `text/html` as given (not escaped: escape data with
 * {@link escapeHtml} when you build it) and `text/plain` from `options.text`, or the
 * fragment's text with the tags dropped.
 *
 * @example
 * ```ts
 * display(html(`<table><tr><th>type</th><th>count</th></tr><tr><td>${escapeHtml(name)}</td><td>3</td></tr></table>`));
 * ```
 */
export function html(markup: string, options: { text?: string } = {}): Displayable {
  return fixedDisplay({ "text/plain": options.text ?? htmlToText(markup), "text/html": markup });
}
