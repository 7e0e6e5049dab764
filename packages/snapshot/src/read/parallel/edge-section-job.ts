/**
 * The worker's side of a two-thread read: find the `edges` section of a plain snapshot file and read
 * it into the shared edge columns, with the same `EdgeRecordReader` (so the same checks, errors and
 * byte offsets) as a one-thread read. Runs on any thread; `readSnapshot` also runs it on its own
 * thread when the worker's answer cannot be used.
 *
 * @module
 */
import { open, type FileHandle } from "node:fs/promises";
import { ParseContext } from "../json/parse-context.ts";
import { SnapshotFormatError } from "../snapshot-format-error.ts";
import { V8Columns } from "../v8/v8-columns.ts";
import { EdgeRecordReader } from "../v8/v8-edge-record-reader.ts";
import { v8Layout } from "../v8/v8-layout.ts";
import type { EdgeSectionJob, EdgeSectionResult } from "./parse-workers.ts";

const CHUNK_BYTES = 1 << 20;
const QUOTE = 0x22;
/** `"edges"` */
const KEY = new Uint8Array([0x22, 0x65, 0x64, 0x67, 0x65, 0x73, 0x22]);

/**
 * Reads the edges section `job` describes. Never throws: bad data comes back as `error`, a job that
 * could not run (unreadable file, stopped) as `failed`.
 *
 * @example
 * ```ts
 * // a worker entry
 * parentPort.on("message", async (job: EdgeSectionJob) => parentPort.postMessage(await runEdgeSectionJob(job)));
 * ```
 */
export async function runEdgeSectionJob(job: EdgeSectionJob): Promise<EdgeSectionResult> {
  let handle: FileHandle | null = null;
  const ctx = new ParseContext(job.fileName, job.size, true);
  let reader: EdgeRecordReader | null = null;
  let valueStart: number | null = null;
  const result = (error: SnapshotFormatError | null, failed: string | null): EdgeSectionResult => ({
    valueStart,
    records: reader?.records ?? 0,
    field: reader?.field ?? 0,
    maxName: reader?.maxName ?? 0,
    done: reader?.done ?? false,
    error: error && {
      code: error.code,
      problem: error.problem,
      section: error.section,
      offset: error.offset,
      expected: error.expected,
      found: error.found,
    },
    failed,
  });
  try {
    const layout = v8Layout(job.header, ctx);
    const cols = new V8Columns(layout, ctx, { edges: job });
    handle = await open(job.path, "r");
    const file = new FileReader(handle, job.size);
    valueStart = job.valueStart ?? (await findEdgesValue(file, job.searchFrom, job.control));
    if (valueStart === null) return result(null, null);
    reader = new EdgeRecordReader(ctx, cols, layout);
    for (let position = valueStart; position < job.size && !reader.done; ) {
      if (Atomics.load(job.control, 0) !== 0) return result(null, "stopped");
      const chunk = await file.read(position);
      if (chunk.length === 0) break;
      ctx.base = position;
      reader.feed(chunk, 0, chunk.length);
      position += chunk.length;
    }
    return result(null, null);
  } catch (error) {
    if (error instanceof SnapshotFormatError) return result(error, null);
    return result(null, error instanceof Error ? error.message : String(error));
  } finally {
    await handle?.close().catch(() => {});
  }
}

/** Positioned reads of one file, the next chunk read ahead while the last one is used. */
class FileReader {
  readonly #handle: FileHandle;
  readonly #size: number;
  #buffers = [new Uint8Array(CHUNK_BYTES), new Uint8Array(CHUNK_BYTES)];
  #turn = 0;
  #ahead: { position: number; read: Promise<Uint8Array> } | null = null;

  constructor(handle: FileHandle, size: number) {
    this.#handle = handle;
    this.#size = size;
  }

  /** The bytes from `position` on (up to a chunk; empty at the end); valid until the next call but one. */
  async read(position: number): Promise<Uint8Array> {
    const ahead = this.#ahead;
    this.#ahead = null;
    // A read ahead that is not wanted still finishes before its buffer is read into again.
    if (ahead && ahead.position !== position) await ahead.read.catch(() => {});
    const chunk = ahead && ahead.position === position ? await ahead.read : await this.#read(position);
    const next = position + chunk.length;
    if (chunk.length > 0 && next < this.#size) {
      const read = this.#read(next);
      read.catch(() => {});
      this.#ahead = { position: next, read };
    }
    return chunk;
  }

  async #read(position: number): Promise<Uint8Array> {
    // Two buffers take turns: the one being read into is never the one handed out last.
    const buffer = this.#buffers[(this.#turn ^= 1)];
    const { bytesRead } = await this.#handle.read(buffer, 0, buffer.length, position);
    return buffer.subarray(0, bytesRead);
  }
}

/**
 * The offset after the colon of the first `"edges"` key from `from` on, or null. The nodes section
 * before it holds no quote, so one native search for `"` crosses it. A match is only a guess (a
 * string value could read `"edges"`): the reading thread checks it against where its parser met the key.
 */
async function findEdgesValue(file: FileReader, from: number, control: Int32Array): Promise<number | null> {
  let position = from;
  for (;;) {
    if (Atomics.load(control, 0) !== 0) return null;
    const chunk = await file.read(position);
    if (chunk.length === 0) return null;
    let k = chunk.indexOf(QUOTE);
    while (k >= 0 && k + KEY.length + 1 <= chunk.length) {
      if (matchesKey(chunk, k)) {
        let j = k + KEY.length;
        while (j < chunk.length && isSpace(chunk[j])) j++;
        if (j < chunk.length && chunk[j] === 0x3a) return position + j + 1;
        if (j === chunk.length) break; // spaces up to the chunk's end: look again from the key
      }
      k = chunk.indexOf(QUOTE, k + 1);
    }
    // No quote left, or one too close to the end to compare: go on from there.
    position += k >= 0 ? k : chunk.length;
    if (k === 0) return null; // a chunk that holds nothing but a key cut short: the file ends there
  }
}

function matchesKey(chunk: Uint8Array, k: number): boolean {
  for (let m = 1; m < KEY.length; m++) if (chunk[k + m] !== KEY[m]) return false;
  return true;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
