/**
 * The index cache file: one binary file holding an `IndexImage` (an analysed graph's sections
 * and metadata) with the key of the snapshot it was made from. Reading a file reads its header
 * and section table only; each section is read (and its checksum checked) when it is first used
 * (`lazy-section.ts`), so that a command that needs a few indexes reads a few megabytes of a
 * cache of hundreds.
 *
 * Layout (little-endian):
 *
 * | offset | bytes | field |
 * |---|---|---|
 * | 0 | 8 | magic `HGINDEX` + NUL |
 * | 8 | 4 | {@link INDEX_CACHE_FORMAT} |
 * | 12 | 4 | header length H (bytes of UTF-8 JSON) |
 * | 16 | 4 | checksum of the header JSON |
 * | 20 | 4 | reserved (0) |
 * | 24 | 8 | total file length (float64) |
 * | 32 | H | header JSON: `{ key, meta, sections: [{ name, dtype, offset, length, sum }] }` (`sum`: the section's checksum) |
 * | 8-aligned | … | the sections, each starting 8-aligned; `offset` counts from the first one |
 *
 * Every way such a file can be wrong comes back as a status, never as a trusted image: a
 * missing file, another format version, a short file (`truncated`), a failed header checksum or
 * a bad table (`corrupt`), a key that does not match (`stale` for the same snapshot path,
 * `foreign` for a file made from another snapshot, `version` for another heapgraph or engine
 * version). A section whose bytes fail their checksum is found when it is first read: reading
 * its `data` throws `SnapshotIoError` `READ_FAILED` (as it does when the file was replaced or
 * removed meanwhile), never gives wrong data.
 *
 * @module
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { open, rename, unlink, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { z } from "zod";
import { parseSnapshotOptions } from "../errors/parse-snapshot-options.ts";
import { SnapshotIoError } from "../errors/snapshot-io-error.ts";
import { checksum } from "./checksum.ts";
import type { ImageArray, ImageSection, IndexImage } from "./index-image.ts";
import { CacheFileReader, lazySection } from "./lazy-section.ts";

/**
 * The version of the file layout above; a file of a newer one is rebuilt (`newer`), of an older
 * one too (`version`).
 *
 * @example
 * ```ts
 * console.log(`index cache format ${INDEX_CACHE_FORMAT}`);
 * ```
 */
export const INDEX_CACHE_FORMAT = 2;

const MAGIC = [0x48, 0x47, 0x49, 0x4e, 0x44, 0x45, 0x58, 0x00]; // "HGINDEX\0"
const FIXED = 32;
const DTYPES: Record<string, { new (buffer: ArrayBuffer, offset: number, length: number): ImageArray; readonly BYTES_PER_ELEMENT: number }> = {
  u8: Uint8Array, i8: Int8Array, u16: Uint16Array, i16: Int16Array, u32: Uint32Array, i32: Int32Array, f32: Float32Array, f64: Float64Array,
};
/** One entry of the header's section table. */
interface SectionEntry {
  readonly name: string;
  readonly dtype: string;
  readonly offset: number;
  readonly length: number;
  readonly sum: number;
}

/**
 * What ties a cache file to its snapshot: the snapshot's absolute `path`, its content fingerprint
 * (`size`, `mtimeMs`, `sample`) and the versions of what wrote it. Every field must be equal for
 * the cache to be used.
 *
 * @example
 * ```ts
 * const key: IndexCacheKey = { path: "/data/app.heapsnapshot", size: 24251120, mtimeMs: 1764668950000, sample: 2712897661, versions: "heapgraph 0.1.0, engine 1" };
 * ```
 */
export interface IndexCacheKey {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly sample: number;
  readonly versions: string;
}

/**
 * What reading a cache file found: the image (`hit`; `bytes` is the file's size), or why it
 * cannot be used.
 *
 * @example
 * ```ts
 * const found: IndexCacheRead = await readIndexCache(file, key);
 * if (found.status !== "hit") console.error(`rebuilding the cache: ${found.reason}`);
 * ```
 */
export type IndexCacheRead =
  | { readonly status: "hit"; readonly image: IndexImage; readonly bytes: number }
  | { readonly status: "missing" | "truncated" | "corrupt" | "stale" | "foreign" | "version" | "newer"; readonly reason: string };

/**
 * Progress of reading or writing a cache file, in bytes.
 *
 * @example
 * ```ts
 * const onProgress = ({ done, total }: IndexCacheProgress) => console.error(Math.round((100 * done) / total), "%");
 * ```
 */
export interface IndexCacheProgress {
  readonly done: number;
  readonly total: number;
}

const cacheOptions = z.strictObject({
  onProgress: z.custom<(progress: IndexCacheProgress) => void>((v) => typeof v === "function", { error: "expected a function" }).optional(),
});

/**
 * Options of {@link readIndexCache} and {@link writeIndexCache}.
 *
 * @example
 * ```ts
 * const options: IndexCacheOptions = { onProgress: ({ done, total }) => console.error(done, total) };
 * ```
 */
export type IndexCacheOptions = z.input<typeof cacheOptions>;

/**
 * Writes `image` with `key` to `path` atomically (a temporary file beside it, renamed when
 * complete; nothing is left behind on failure; not synced to disk, as a torn file is detected). Resolves with the file's size. Throws
 * `SnapshotIoError` `WRITE_FAILED` naming the path.
 *
 * @example
 * ```ts
 * await writeIndexCache(cacheFile, graphImage(graph), key);
 * ```
 */
export async function writeIndexCache(path: string, image: IndexImage, key: IndexCacheKey, options: IndexCacheOptions = {}): Promise<number> {
  const { onProgress } = parseSnapshotOptions(cacheOptions, options, "writeIndexCache options");
  const table: SectionEntry[] = [];
  let offset = 0;
  for (const section of image.sections) {
    const dtype = dtypeOf(section);
    table.push({ name: section.name, dtype, offset, length: section.data.length, sum: checksum(bytesOf(section.data)) });
    offset = align8(offset + section.data.byteLength);
  }
  const header = new TextEncoder().encode(JSON.stringify({ key, meta: image.meta, sections: table }));
  const dataStart = align8(FIXED + header.length);
  const total = dataStart + offset;
  const head = new Uint8Array(dataStart);
  const view = new DataView(head.buffer);
  head.set(MAGIC, 0);
  view.setUint32(8, INDEX_CACHE_FORMAT, true);
  view.setUint32(12, header.length, true);
  view.setUint32(16, checksum(header), true);
  view.setUint32(20, 0, true);
  view.setFloat64(24, total, true);
  head.set(header, FIXED);
  // Beside the target, renamed when complete (AtomicFile's naming, so that the directory helpers
  // see interrupted writes), but not synced: a file torn by a crash fails its length or checksums
  // and is rebuilt, and the sync would cost about a tenth of a cold analysis.
  const tempPath = join(dirname(path), `.${basename(path)}.${Math.random().toString(36).slice(2, 10)}.partial`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(tempPath, "wx");
    await writeAll(handle, head);
    let done = head.length;
    const padding = new Uint8Array(8);
    for (const section of image.sections) {
      const bytes = bytesOf(section.data);
      await writeAll(handle, bytes);
      const pad = align8(bytes.length) - bytes.length;
      if (pad) await writeAll(handle, padding.subarray(0, pad));
      done += bytes.length + pad;
      onProgress?.({ done, total });
    }
    await handle.close();
    handle = undefined;
    await rename(tempPath, path);
    return total;
  } catch (error) {
    await handle?.close().catch(() => {});
    await unlink(tempPath).catch(() => {});
    throw new SnapshotIoError("WRITE_FAILED", path, `cannot write the index cache ${path}: ${(error as Error)?.message ?? error}`, { cause: error });
  }
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let offset = 0; offset < bytes.length; ) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}

/**
 * Opens the cache file at `path` if it is a sound one made for `key`: reads its fixed header and
 * its header JSON (key, metadata, section table), checks them, and gives an image whose sections
 * are read from the file when their `data` is first used, each checked against its checksum then
 * (a damaged section throws `SnapshotIoError` `READ_FAILED` from that read). The file stays
 * open until every section has been read or the image is garbage, so that the sections come
 * from the file whose header was checked even if a new cache replaces it meanwhile. Any file whose header is not sound, or made for another key, is
 * reported with its status and reason, never returned. Throws only for options; an unreadable
 * file is `missing`.
 *
 * @example
 * ```ts
 * const found = await readIndexCache(cacheFile, key);
 * const graph = found.status === "hit" ? graphFromImage(found.image) : buildGraph(await readSnapshot(file));
 * ```
 */
export async function readIndexCache(path: string, key: IndexCacheKey, options: IndexCacheOptions = {}): Promise<IndexCacheRead> {
  const { onProgress } = parseSnapshotOptions(cacheOptions, options, "readIndexCache options");
  // Synchronous: a few small reads, and the sections are read synchronously through the same descriptor later.
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const size = fstatSync(fd).size;
    const fixed = readAt(fd, 0, Math.min(FIXED, size));
    const checked = checkFixed(fixed, size);
    if ("status" in checked) return checked;
    const header = checkHeader(readAt(fd, FIXED, checked.headerLength), fixed, key, checked.total);
    if ("status" in header) return header;
    const dataStart = align8(FIXED + checked.headerLength);
    const file = new CacheFileReader(fd, path, header.table.length);
    fd = undefined; // the reader closes it
    const sections = header.table.map((entry) => lazySection(file, entry.name, DTYPES[entry.dtype], entry.length, dataStart + entry.offset, entry.sum));
    onProgress?.({ done: size, total: size });
    return { status: "hit", image: { meta: header.meta, sections }, bytes: size };
  } catch (error) {
    return { status: "missing", reason: `no usable cache file (${(error as { code?: string })?.code ?? (error as Error)?.message ?? error})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Checks and maps a whole cache file already in memory (`bytes` must start 8-aligned in its
 * buffer, as a fresh read does): {@link readIndexCache} without the reads, every section's
 * checksum checked at once and every section a view of `bytes`.
 *
 * @example
 * ```ts
 * const found = decodeIndexCache(new Uint8Array(await readFile(cacheFile)), key);
 * ```
 */
export function decodeIndexCache(bytes: Uint8Array, key: IndexCacheKey): IndexCacheRead {
  const checked = checkFixed(bytes.subarray(0, FIXED), bytes.length);
  if ("status" in checked) return checked;
  const fixed = bytes.subarray(0, FIXED);
  const header = checkHeader(bytes.subarray(FIXED, FIXED + checked.headerLength), fixed, key, checked.total);
  if ("status" in header) return header;
  const dataStart = align8(FIXED + checked.headerLength);
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
  const sections: ImageSection[] = [];
  for (const entry of header.table) {
    const Kind = DTYPES[entry.dtype];
    const start = dataStart + entry.offset;
    const end = start + entry.length * Kind.BYTES_PER_ELEMENT;
    if (checksum(bytes.subarray(start, end)) !== entry.sum) return { status: "corrupt", reason: `the checksum of section ${JSON.stringify(entry.name)} does not match` };
    sections.push({ name: entry.name, data: new Kind(bytes.buffer as ArrayBuffer, bytes.byteOffset + start, entry.length) });
  }
  return { status: "hit", image: { meta: header.meta, sections }, bytes: bytes.length };
}

/** The fixed header's facts, or why the file cannot be used (`size`: the file's length). */
function checkFixed(fixed: Uint8Array, size: number): { headerLength: number; total: number } | Exclude<IndexCacheRead, { status: "hit" }> {
  if (size < FIXED || fixed.length < FIXED) return { status: "truncated", reason: `the file has ${size} bytes, less than a header` };
  if (MAGIC.some((b, i) => fixed[i] !== b)) return { status: "corrupt", reason: "not a heapgraph index cache (bad magic bytes)" };
  const view = new DataView(fixed.buffer, fixed.byteOffset, fixed.byteLength);
  const format = view.getUint32(8, true);
  if (format > INDEX_CACHE_FORMAT) return { status: "newer", reason: `written in cache format ${format}, newer than this version's ${INDEX_CACHE_FORMAT}` };
  if (format !== INDEX_CACHE_FORMAT) return { status: "version", reason: `written in cache format ${format}, not ${INDEX_CACHE_FORMAT}` };
  const headerLength = view.getUint32(12, true);
  const total = view.getFloat64(24, true);
  if (size < total || size < FIXED + headerLength) return { status: "truncated", reason: `the file has ${size} bytes of ${total}` };
  if (size !== total) return { status: "corrupt", reason: `the file has ${size} bytes, its header says ${total}` };
  return { headerLength, total };
}

/** The header JSON's metadata and section table, checked against the fixed header, `key` and the file's length `total`. */
function checkHeader(headerBytes: Uint8Array, fixed: Uint8Array, key: IndexCacheKey, total: number): { meta: unknown; table: SectionEntry[] } | Exclude<IndexCacheRead, { status: "hit" }> {
  const view = new DataView(fixed.buffer, fixed.byteOffset, fixed.byteLength);
  if (checksum(headerBytes) !== view.getUint32(16, true)) return { status: "corrupt", reason: "the header's checksum does not match" };
  let header: { key?: Partial<IndexCacheKey>; meta?: unknown; sections?: SectionEntry[] };
  try {
    header = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(headerBytes));
  } catch {
    return { status: "corrupt", reason: "the header is not JSON" };
  }
  const mismatch = keyMismatch(header.key, key);
  if (mismatch) return mismatch;
  if (!Array.isArray(header.sections)) return { status: "corrupt", reason: "the header has no section table" };
  const dataStart = align8(FIXED + headerBytes.length);
  for (const entry of header.sections) {
    const Kind = DTYPES[entry?.dtype];
    if (
      !Kind || typeof entry.name !== "string" || !Number.isSafeInteger(entry.offset) || entry.offset < 0 || entry.offset % 8 !== 0 ||
      !Number.isSafeInteger(entry.length) || entry.length < 0 || !Number.isInteger(entry.sum) || entry.sum < 0 || entry.sum > 0xffffffff
    ) {
      return { status: "corrupt", reason: `bad section table entry ${JSON.stringify(entry)?.slice(0, 120)}` };
    }
    if (dataStart + entry.offset + entry.length * Kind.BYTES_PER_ELEMENT > total) return { status: "corrupt", reason: `section ${JSON.stringify(entry.name)} ends past the file` };
  }
  return { meta: header.meta, table: header.sections };
}

/** Why a stored key is not `key`, or null when they are equal. */
function keyMismatch(stored: Partial<IndexCacheKey> | undefined, key: IndexCacheKey): Exclude<IndexCacheRead, { status: "hit" }> | null {
  if (!stored || typeof stored !== "object") return { status: "corrupt", reason: "the header has no key" };
  if (stored.path !== key.path) return { status: "foreign", reason: `made for another snapshot (${JSON.stringify(stored.path)})` };
  if (stored.versions !== key.versions) return { status: "version", reason: `made by ${JSON.stringify(stored.versions)}, not ${JSON.stringify(key.versions)}` };
  for (const field of ["size", "mtimeMs", "sample"] as const) {
    if (stored[field] !== key[field]) return { status: "stale", reason: `the snapshot changed since the cache was made (${field} ${stored[field]} → ${key[field]})` };
  }
  return null;
}

/** `length` bytes of the file at `position` (fewer at its end). */
function readAt(fd: number, position: number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const bytesRead = readSync(fd, bytes, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? bytes : bytes.subarray(0, done);
}

function dtypeOf(section: ImageSection): string {
  const { data } = section;
  for (const [dtype, Kind] of Object.entries(DTYPES)) if (data instanceof Kind) return dtype;
  throw new SnapshotIoError("WRITE_FAILED", null, `index cache section ${JSON.stringify(section.name)} is not a typed array`);
}

function bytesOf(data: ImageArray): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}
