/**
 * The sections of an index cache file read when they are first used: `data` reads the section's
 * bytes (synchronously, as the engine asks for an index in the middle of a query), checks them
 * against the checksum the header recorded, and keeps the typed array.
 *
 * The reads go through the descriptor the header was read from, kept open until every section has
 * been read (or the sections are garbage: a `FinalizationRegistry` closes it then), so that they
 * read the file the header described even when another process has renamed a new cache over it
 * or removed it meanwhile (a long-lived process, such as `heapgraph mcp`, keeps graphs for long).
 *
 * @module
 */
import { closeSync, readSync } from "node:fs";
import { SnapshotIoError } from "../errors/snapshot-io-error.ts";
import { checksum } from "./checksum.ts";
import type { ImageArray, ImageSection } from "./index-image.ts";

/** Bytes per read call: big sections are read in parts (runtimes cap one read at 2 GB). */
const READ_PART = 64 * 1024 * 1024;

/** The open cache files whose sections are all garbage before all were read: closed then. */
const unread = new FinalizationRegistry<{ fd: number | null }>((file) => closeFile(file));

/**
 * One opened cache file that sections are read from: `fd` (synchronous descriptor) stays open
 * until `sections` sections have been read.
 *
 * @example
 * ```ts
 * const file = new CacheFileReader(openSync(path, "r"), path, table.length);
 * ```
 */
export class CacheFileReader {
  readonly path: string;
  readonly #file: { fd: number | null };
  #unread: number;

  constructor(fd: number, path: string, sections: number) {
    this.path = path;
    this.#file = { fd };
    this.#unread = sections;
    if (sections === 0) closeFile(this.#file);
    else unread.register(this, this.#file, this);
  }

  /** The `byteLength` bytes at `start`, in a fresh (so 8-aligned) buffer; the last section's read closes the file. */
  read(name: string, start: number, byteLength: number): Uint8Array {
    const bytes = new Uint8Array(byteLength);
    const fd = this.#file.fd;
    try {
      if (fd === null) throw new Error("the file was closed");
      let done = 0;
      while (done < byteLength) {
        const read = readSync(fd, bytes, done, Math.min(READ_PART, byteLength - done), start + done);
        if (read === 0) throw new Error(`the file ends ${byteLength - done} bytes before the section does`);
        done += read;
      }
    } catch (error) {
      throw new SnapshotIoError("READ_FAILED", this.path, `cannot read the index cache section ${JSON.stringify(name)}: ${(error as Error)?.message ?? error}`, { cause: error });
    }
    return bytes;
  }

  /** Says that one more section has been read (whether sound or not); closes the file after the last. */
  sectionDone(): void {
    if (--this.#unread === 0) {
      closeFile(this.#file);
      unread.unregister(this);
    }
  }
}

/**
 * The section `name` of `file`: `length` elements of `Kind` at byte `start`, whose bytes hash to
 * `sum`. Reading `data` the first time reads and checks them; throws `SnapshotIoError`
 * `READ_FAILED` naming the file when they cannot be read or do not match their checksum (and
 * again on every later use: a damaged section never gives data).
 *
 * @example
 * ```ts
 * const section = lazySection(file, "s.nodeId", Uint32Array, 1000, 4096, 2712897661);
 * section.data[0]; // read now
 * ```
 */
export function lazySection(
  file: CacheFileReader,
  name: string,
  Kind: { new (buffer: ArrayBuffer, offset: number, length: number): ImageArray; readonly BYTES_PER_ELEMENT: number },
  length: number,
  start: number,
  sum: number,
): ImageSection {
  let data: ImageArray | undefined;
  let failure: SnapshotIoError | undefined;
  return {
    name,
    get data(): ImageArray {
      if (data) return data;
      if (failure) throw failure;
      try {
        const bytes = file.read(name, start, length * Kind.BYTES_PER_ELEMENT);
        if (checksum(bytes) !== sum) {
          throw new SnapshotIoError("READ_FAILED", file.path, `the index cache section ${JSON.stringify(name)} is damaged (its checksum does not match)`);
        }
        data = new Kind(bytes.buffer as ArrayBuffer, 0, length);
        return data;
      } catch (error) {
        failure = error instanceof SnapshotIoError ? error : new SnapshotIoError("READ_FAILED", file.path, String(error), { cause: error });
        throw failure;
      } finally {
        file.sectionDone();
      }
    },
  };
}

function closeFile(file: { fd: number | null }): void {
  if (file.fd === null) return;
  try {
    closeSync(file.fd);
  } catch {
    // Already closed with the process's descriptors; nothing to free.
  }
  file.fd = null;
}
