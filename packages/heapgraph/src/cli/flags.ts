/**
 * The kinds of command-line options, each an {@link OptionSpec} with its zod schema: what the
 * raw value must look like, what it becomes, and, in each issue's message, what the option
 * takes, so that `--limit -3` says `--limit takes a positive whole number, got "-3"`.
 *
 * @module
 */
import { z } from "zod";
import type { OptionSpec } from "./command.ts";
import { expectedFileName, hasOutputExtension, type OutputKind } from "./output-extensions.ts";

/**
 * A switch such as `--json`: true when given, else false.
 *
 * @example
 * ```ts
 * const options = { internals: switchFlag("show V8 plumbing too") };
 * ```
 */
export function switchFlag(help: string, short?: string): OptionSpec<boolean> {
  const schema = z.literal(true, { error: "no value" }).optional().transform((v) => v === true);
  return { type: "boolean", help, schema, ...(short ? { short } : {}) };
}

/**
 * `--interactive`: with `--html FILE`, the page draws the interactive reference graph (pan, zoom,
 * hover, click to expand a bounded neighbourhood; no network), the SVG staying as its fallback.
 * Shared by `chain`, `refs`, `backrefs` and `leaks`.
 *
 * @example
 * ```ts
 * const options = { html: outputFileFlag("html", "write an HTML page"), interactive: interactiveFlag() };
 * ```
 */
export function interactiveFlag(): OptionSpec<boolean> {
  return switchFlag("with --html: draw the interactive graph (pan, zoom, click a node to expand it; works offline), the static SVG as its fallback");
}

/**
 * A whole number such as `--limit N`, at least `min` (default 1) and at most `max`, or
 * `fallback` when absent.
 *
 * @example
 * ```ts
 * const options = { limit: countFlag("how many types to list (default 10)", 10) };
 * ```
 */
export function countFlag(help: string, fallback: number, range: { min?: number; max?: number } = {}): OptionSpec<number> {
  return { type: "string", value: "N", help, schema: wholeNumber(range).default(fallback) };
}

/**
 * How many rows to list, such as `summary --limit N`: a positive whole number, or `all`
 * (Infinity, every row); `fallback` when absent.
 *
 * @example
 * ```ts
 * const options = { limit: limitFlag("how many types to list (default 10; all: every type)", 10) };
 * ```
 */
export function limitFlag(help: string, fallback: number): OptionSpec<number> {
  const takes = `a positive whole number or "all"`;
  const schema = z.union([z.literal("all").transform(() => Number.POSITIVE_INFINITY), wholeNumber({}, takes)], { error: takes }).default(fallback);
  return { type: "string", value: "N", help, schema: schema as z.ZodType<number, string | boolean | undefined> };
}

/**
 * A whole number with no default, such as `--port P`: undefined when absent.
 *
 * @example
 * ```ts
 * const options = { port: optionalCountFlag("P", "inspector port", { min: 1, max: 65535 }) };
 * ```
 */
export function optionalCountFlag(value: string, help: string, range: { min?: number; max?: number } = {}): OptionSpec<number | undefined> {
  return { type: "string", value, help, schema: wholeNumber(range).optional() };
}

/**
 * A non-empty text such as `--svg FILE` or `--type NAME`: undefined when absent.
 *
 * @example
 * ```ts
 * const options = { svg: textFlag("FILE", "write the graph as SVG") };
 * ```
 */
export function textFlag(value: string, help: string, short?: string): OptionSpec<string | undefined> {
  const takes = value === "FILE" ? "a file name" : value === "DIR" ? "a directory name" : `a value (${value})`;
  return { type: "string", value, help, schema: z.string({ error: takes }).min(1, { error: takes }).optional(), ...(short ? { short } : {}) };
}

/**
 * A repeatable text such as `--class PATTERN` (`--class A --class B`): the values in order, each
 * checked by `item` (whose error says what one value takes), or undefined when absent.
 *
 * @example
 * ```ts
 * const options = { class: repeatableFlag("PATTERN", "only classes matching (repeatable)", z.string().min(1)) };
 * ```
 */
export function repeatableFlag(value: string, help: string, item: z.ZodType<string, string>): OptionSpec<string[] | undefined> {
  const schema = z.array(item).optional();
  return { type: "string", value, help, multiple: true, schema: schema as z.ZodType<string[] | undefined, string | boolean | string[] | undefined> };
}

/**
 * A class name pattern, as `--class` takes it: a glob (`Request*`, `*Context`) or a `/regex/flags`
 * that compiles. Each issue says so: `--class takes a glob or a /regex/ (bad regex: …)`.
 *
 * @example
 * ```ts
 * classPatternValue.parse("/^Zod/i"); // "/^Zod/i"
 * ```
 */
export const classPatternValue = z
  .string({ error: "a class name glob or /regex/" })
  .min(1, { error: "a class name glob or /regex/" })
  .superRefine((text, ctx) => {
    const regex = /^\/(.+)\/([a-z]*)$/.exec(text);
    if (!regex) return;
    try {
      new RegExp(regex[1], regex[2]);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `a class name glob or a valid /regex/ (${(error as Error).message})` });
    }
  });

/** V8's node types, as `--type` takes them. */
const NODE_TYPES = ["object", "closure", "array", "string", "concatenated string", "sliced string", "number", "regexp", "symbol", "bigint", "native", "code", "hidden", "object shape", "synthetic"] as const;

/**
 * A V8 node type, as `--type` takes it: `object`, `closure`, `string`, `native`, ...
 *
 * @example
 * ```ts
 * nodeTypeValue.parse("closure"); // "closure"
 * ```
 */
export const nodeTypeValue = z.enum(NODE_TYPES, { error: `a node type: ${NODE_TYPES.join(", ")}` });

/**
 * An output file of one kind, such as `--svg FILE`: undefined when absent. A name without the
 * kind's ending (`--svg x.png`) is refused: `--svg takes a file name ending in .svg, got "x.png"`.
 *
 * @example
 * ```ts
 * const options = { svg: outputFileFlag("svg", "write the graph as SVG") };
 * ```
 */
export function outputFileFlag(kind: OutputKind, help: string, short?: string): OptionSpec<string | undefined> {
  const takes = expectedFileName(kind);
  const schema = z.string({ error: takes }).refine((path) => hasOutputExtension(kind, path), { error: takes }).optional();
  return { type: "string", value: "FILE", help, schema, ...(short ? { short } : {}) };
}

/**
 * One of a fixed set of words, such as `--to root|global|module`, or `fallback` when absent.
 *
 * @example
 * ```ts
 * const options = { to: choiceFlag("WHERE", "root, global or module", ["root", "global", "module"], "root") };
 * ```
 */
export function choiceFlag<const T extends string>(value: string, help: string, choices: readonly [T, ...T[]], fallback: T): OptionSpec<T> {
  return { type: "string", value, help, schema: z.enum(choices, { error: `one of ${choices.join(", ")}` }).default(fallback as never) as z.ZodType<T, string | boolean | undefined> };
}

/**
 * A heap object id as DevTools shows it, `12345` or `@12345`: undefined when absent.
 *
 * @example
 * ```ts
 * const options = { id: heapIdFlag("the object's heap id") };
 * ```
 */
export function heapIdFlag(help: string): OptionSpec<number | undefined> {
  const takes = "a heap object id such as 12345 or @12345";
  const schema = z
    .string({ error: takes })
    .trim()
    .regex(/^@?\d+$/, { error: takes })
    .transform((text) => Number(text.replace(/^@/, "")))
    .refine((id) => Number.isSafeInteger(id), { error: takes })
    .optional();
  return { type: "string", value: "ID", help, schema };
}

/**
 * A URL of one of `schemes`, such as `--url ws://…`: undefined when absent.
 *
 * @example
 * ```ts
 * const options = { url: urlFlag("the target's ws:// URL", ["ws", "wss", "http", "https"]) };
 * ```
 */
export function urlFlag(help: string, schemes: readonly string[]): OptionSpec<string | undefined> {
  const takes = `a ${schemes.map((s) => `${s}://`).join(" or ")} URL`;
  const pattern = new RegExp(`^(${schemes.join("|")})://\\S+$`);
  return { type: "string", value: "URL", help, schema: z.string({ error: takes }).regex(pattern, { error: takes }).optional() };
}

function wholeNumber({ min = 1, max = Number.MAX_SAFE_INTEGER }: { min?: number; max?: number }, described?: string) {
  const takes =
    described ??
    (max < Number.MAX_SAFE_INTEGER ? `a whole number from ${min} to ${max}` : min === 1 ? "a positive whole number" : `a whole number of at least ${min}`);
  return z
    .string({ error: takes })
    .trim()
    .regex(/^\d+$/, { error: takes })
    .transform(Number)
    .refine((n) => Number.isSafeInteger(n) && n >= min && n <= max, { error: takes });
}

/**
 * The flags that name an inspector target, for the commands that connect to one (`capture`,
 * `watch`): `--port P [--host H] [--match TEXT]` or `--url URL`.
 *
 * @example
 * ```ts
 * defineCommand({ name: "capture", options: { ...INSPECTOR_TARGET_FLAGS, output: outputFileFlag(...) }, ... });
 * ```
 */
export const INSPECTOR_TARGET_FLAGS = {
  port: optionalCountFlag("P", "inspector port on --host (node --inspect=9229, deno --inspect, chromium --remote-debugging-port=9222)", { min: 1, max: 65535 }),
  host: textFlag("H", "inspector host for --port (default 127.0.0.1)"),
  match: textFlag("TEXT", "with --port: the target whose URL contains TEXT (default: the first page, else the first Node/Deno target)"),
  url: urlFlag("the ws:// URL the target printed (Debugger listening on ws://…), or http://host:port", ["ws", "wss", "http", "https"]),
};
