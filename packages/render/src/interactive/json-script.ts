import { RenderError } from "../errors/render-error.ts";

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/**
 * `value` as JSON text that can sit inside a `<script type="application/json">` element of an HTML
 * page: `<`, `>`, `&`, U+2028 and U+2029 are written as `\u` escapes, so no string in it can close
 * the element (`</script>`), open a comment (`<!--`) or end a line in older script parsers; the
 * text parses back to the same value with `JSON.parse`.
 *
 * @example
 * ```ts
 * jsonScriptText({ label: "</script><script>alert(1)</script>" });
 * // '{"label":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}'
 * ```
 */
export function jsonScriptText(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new RenderError("INVALID_OPTIONS", `jsonScriptText: ${typeof value} has no JSON form`);
  return json.replace(UNSAFE_IN_SCRIPT, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
