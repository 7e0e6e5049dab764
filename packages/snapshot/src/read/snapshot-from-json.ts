/**
 * `snapshotFromJson`: a snapshot that is already a parsed JSON object, through the same
 * parser (and so the same checks and the same model) as `readSnapshot`.
 *
 * @module
 */
import { z } from "zod";
import { parseSnapshotOptions } from "../errors/parse-snapshot-options.ts";
import type { HeapSnapshot, SnapshotHeader } from "../model/heap-snapshot.ts";
import type { ReadWarningListener } from "./read-warning.ts";
import { SnapshotParser } from "./snapshot-parser.ts";

/**
 * The shape of a V8 heap snapshot after `JSON.parse`.
 *
 * @example
 * ```ts
 * const json = JSON.parse(text) as V8SnapshotJson;
 * console.log(json.snapshot.node_count, json.strings.length);
 * ```
 */
export interface V8SnapshotJson {
  snapshot: SnapshotHeader;
  nodes: ArrayLike<number>;
  edges: ArrayLike<number>;
  strings: readonly string[];
  locations?: ArrayLike<number>;
  [section: string]: unknown;
}

const V8_ORDER = ["snapshot", "nodes", "edges", "trace_function_infos", "trace_tree", "samples", "locations"];
const NUMBER_SECTIONS = new Set(["nodes", "edges", "trace_function_infos", "samples", "locations"]);
const BLOCK = 1 << 14;
const snapshotFromJsonOptions = z.strictObject({
  /** Called with what the reader skips past (see `readSnapshot`'s `onWarning`). */
  onWarning: z.custom<ReadWarningListener>((v) => typeof v === "function", "expected a function").optional(),
});

/**
 * Options of {@link snapshotFromJson}.
 *
 * @example
 * ```ts
 * const options: SnapshotFromJsonOptions = { onWarning: (w) => console.warn(w.message) };
 * ```
 */
export type SnapshotFromJsonOptions = z.input<typeof snapshotFromJsonOptions>;

const jsonObject = z.custom<Record<string, unknown>>((v) => typeof v === "object" && v !== null && !Array.isArray(v), "expected a parsed heap snapshot object");

/**
 * Builds the columnar {@link HeapSnapshot} from a heap snapshot that is already parsed JSON
 * (V8's format, or JavaScriptCore's): small snapshots, test data, objects you already hold.
 * The object is fed to the streaming reader piece by piece, so the result and the checks are
 * those of `readSnapshot` (it throws the same `SnapshotFormatError`s). Large files should go
 * through `readSnapshot`, which never builds the JSON object at all. Anything but an object
 * throws `SnapshotOptionsError` (`INVALID_OPTIONS`). `options.onWarning` receives what the
 * reader skips past, as `readSnapshot`'s option of that name does.
 *
 * @example
 * ```ts
 * import { snapshotFromJson } from "@heapgraph/snapshot";
 * const snap = snapshotFromJson(JSON.parse(text), { onWarning: (w) => console.warn(w.message) });
 * console.log(snap.nodeCount);
 * ```
 */
export function snapshotFromJson(json: V8SnapshotJson | Record<string, unknown>, options: SnapshotFromJsonOptions = {}): HeapSnapshot {
  parseSnapshotOptions(jsonObject, json, "snapshotFromJson json");
  const { onWarning } = parseSnapshotOptions(snapshotFromJsonOptions, options, "snapshotFromJson options");
  const parser = new SnapshotParser({ onWarning: onWarning ?? null });
  const encoder = new TextEncoder();
  const write = (text: string) => parser.write(encoder.encode(text));
  const keys = "snapshot" in json ? [...V8_ORDER.filter((k) => k in json), ...Object.keys(json).filter((k) => !V8_ORDER.includes(k) && k !== "strings"), ...("strings" in json ? ["strings"] : [])] : Object.keys(json);
  write("{");
  keys.forEach((key, k) => {
    write(`${k > 0 ? "," : ""}${JSON.stringify(key)}:`);
    const value = (json as Record<string, unknown>)[key];
    if (NUMBER_SECTIONS.has(key) && isArrayLike(value)) writeNumbers(value, write);
    else if (key === "strings" && Array.isArray(value)) {
      write("[");
      for (let i = 0; i < value.length; i += BLOCK) {
        write(`${i > 0 ? "," : ""}${value.slice(i, i + BLOCK).map((s) => JSON.stringify(s)).join(",")}`);
      }
      write("]");
    } else write(JSON.stringify(value) ?? "null");
  });
  write("}");
  return parser.end();
}

function isArrayLike(value: unknown): value is ArrayLike<number> {
  return Array.isArray(value) || ArrayBuffer.isView(value);
}

function writeNumbers(values: ArrayLike<number>, write: (text: string) => void): void {
  write("[");
  for (let i = 0; i < values.length; i += BLOCK) {
    const end = Math.min(values.length, i + BLOCK);
    let text = i > 0 ? "," : "";
    for (let k = i; k < end; k++) text += k > i ? `,${values[k]}` : `${values[k]}`;
    write(text);
  }
  write("]");
}
