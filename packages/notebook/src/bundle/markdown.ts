import type { Displayable } from "./display-bundle.ts";
import { fixedDisplay } from "./displayable.ts";

/**
 * Displayable Markdown: `text/markdown`, with the Markdown source itself as `text/plain`.
 *
 * @example
 * ```ts
 * display(markdown("**3** new `Foo` objects since the baseline"));
 * ```
 */
export function markdown(source: string): Displayable {
  return fixedDisplay({ "text/plain": source, "text/markdown": source });
}
