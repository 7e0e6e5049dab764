/**
 * Checks the options objects of the live API: unknown keys and values of the wrong kind throw
 * a `LiveError` `INVALID_OPTIONS` naming the call, the option and the bad value.
 *
 * @module
 */
import { LiveError } from "./live-error.ts";

/**
 * The kinds of option values the live API takes.
 *
 * @example
 * ```ts
 * const spec: Record<string, LiveOptionKind> = { limit: "limit", file: "sink" };
 * ```
 */
export type LiveOptionKind = "function" | "boolean" | "count" | "limit" | "string" | "iterable" | "sink" | "record" | "tracker";

const KIND_TEXT: Record<LiveOptionKind, string> = {
  function: "a function (or null)",
  boolean: "true or false",
  count: "a non-negative integer",
  limit: "a positive integer or Infinity",
  string: "a non-empty string",
  iterable: "an array (or other iterable)",
  sink: "an object with a write(text) method",
  record: "an object",
  tracker: "a GrowthTracker",
};

/**
 * Throws `INVALID_OPTIONS` unless `options` is undefined or an object whose keys are all in
 * `spec` with values of the kind `spec` names (undefined is always allowed).
 *
 * @example
 * ```ts
 * checkLiveOptions("showGrowth", options, { limit: "limit", file: "sink" });
 * ```
 */
export function checkLiveOptions(call: string, options: unknown, spec: Readonly<Record<string, LiveOptionKind>>): void {
  if (options === undefined) return;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new LiveError("INVALID_OPTIONS", `${call}: options must be an object, got ${describeValue(options)}`);
  }
  for (const [key, value] of Object.entries(options)) {
    const kind = spec[key];
    if (kind === undefined) {
      throw new LiveError("INVALID_OPTIONS", `${call}: unknown option "${key}" (known: ${Object.keys(spec).join(", ")})`);
    }
    if (value !== undefined && !fits(kind, value)) {
      throw new LiveError("INVALID_OPTIONS", `${call}: option "${key}" must be ${KIND_TEXT[kind]}, got ${describeValue(value)}`);
    }
  }
}

function fits(kind: LiveOptionKind, value: unknown): boolean {
  switch (kind) {
    case "function":
      return typeof value === "function" || value === null;
    case "boolean":
      return typeof value === "boolean";
    case "count":
      return typeof value === "number" && Number.isInteger(value) && value >= 0;
    case "limit":
      return typeof value === "number" && (value === Infinity || (Number.isInteger(value) && value > 0));
    case "string":
      return typeof value === "string" && value.length > 0;
    case "iterable":
      return typeof value === "object" && value !== null && Symbol.iterator in value;
    case "sink":
      return typeof value === "object" && value !== null && typeof (value as { write?: unknown }).write === "function";
    case "record":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "tracker":
      return typeof value === "object" && value !== null && typeof (value as { update?: unknown }).update === "function" &&
        typeof (value as { reset?: unknown }).reset === "function";
  }
}

/**
 * A short, safe rendering of a bad value for an error message.
 *
 * @example
 * ```ts
 * describeValue("max_depth"); // "\"max_depth\""
 * ```
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === "function") return "a function";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null) return "null";
  if (typeof value === "object") return `an object (${value.constructor?.name ?? "no constructor"})`;
  return `${typeof value} ${String(value)}`;
}
