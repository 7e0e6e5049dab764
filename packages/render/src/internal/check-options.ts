import { RenderError } from "./render-error.ts";

/** What an option must be. */
export type OptionKind = "boolean" | "function" | "string" | "count" | "positive" | "record" | "recordOrFalse" | "array" | "engine";

const ENGINES = new Set(["circo", "dot", "fdp", "sfdp", "neato", "osage", "patchwork", "twopi"]);

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === "function") return "a function";
  if (value === null) return "null";
  if (typeof value === "object") return Array.isArray(value) ? "an array" : "an object";
  return String(value);
}

function fits(kind: OptionKind, value: unknown): boolean {
  switch (kind) {
    case "boolean":
      return typeof value === "boolean";
    case "function":
      return typeof value === "function";
    case "string":
      return typeof value === "string";
    case "count":
      return typeof value === "number" && Number.isInteger(value) && value >= 0;
    case "positive":
      return typeof value === "number" && value > 0 && !Number.isNaN(value);
    case "record":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "array":
      return Array.isArray(value);
    case "recordOrFalse":
      return value === false || fits("record", value);
    case "engine":
      return typeof value === "string" && ENGINES.has(value);
  }
}

const EXPECTED: Record<OptionKind, string> = {
  boolean: "true or false",
  function: "a function",
  string: "a string",
  count: "a whole number >= 0",
  positive: "a number > 0 (Infinity allowed)",
  record: "an object",
  recordOrFalse: "an object or false",
  array: "an array",
  engine: `one of ${[...ENGINES].join(", ")}`,
};

/**
 * Checks user options at the edge: unknown names and values of the wrong kind throw a
 * {@link RenderError} `INVALID_OPTIONS` naming the function, the option and the bad value.
 * `undefined` values count as absent.
 *
 * @example
 * ```ts
 * checkOptions("toDot", { ids: "yes" }, { ids: "boolean" }); // throws: option ids must be true or false, got "yes"
 * ```
 */
export function checkOptions(fn: string, options: unknown, spec: Readonly<Record<string, OptionKind>>): void {
  if (options === undefined) return;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new RenderError("INVALID_OPTIONS", `${fn}: options must be an object, got ${describe(options)}`);
  }
  for (const [name, value] of Object.entries(options)) {
    const kind = spec[name];
    if (!kind) {
      throw new RenderError("INVALID_OPTIONS", `${fn}: unknown option ${JSON.stringify(name)}; known: ${Object.keys(spec).join(", ")}`);
    }
    if (value !== undefined && !fits(kind, value)) {
      throw new RenderError("INVALID_OPTIONS", `${fn}: option ${name} must be ${EXPECTED[kind]}, got ${describe(value)}`);
    }
  }
}
