/**
 * A file that appears at its final path only when it is complete: bytes go to a
 * temporary file next to it, which is renamed over the target on `commit()` and
 * removed on `abort()`.
 *
 * @module
 */
import { open, rename, unlink, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * An open atomic write. Create it with {@link AtomicFile.create}; end it with exactly one
 * of `commit()` or `abort()`.
 *
 * @example
 * ```ts
 * const file = await AtomicFile.create("out.heapsnapshot");
 * try {
 *   await file.write(new TextEncoder().encode("{}"));
 *   await file.commit();
 * } catch (e) {
 *   await file.abort();
 *   throw e;
 * }
 * ```
 */
export class AtomicFile {
  /** The final path. */
  readonly path: string;
  /** The temporary path the bytes go to until `commit()`. */
  readonly tempPath: string;
  #handle: FileHandle | null;

  private constructor(path: string, tempPath: string, handle: FileHandle) {
    this.path = path;
    this.tempPath = tempPath;
    this.#handle = handle;
  }

  /** Opens a fresh temporary file in the target's directory (so that the rename stays on one file system). */
  static async create(path: string): Promise<AtomicFile> {
    const random = Math.random().toString(36).slice(2, 10);
    const tempPath = join(dirname(path), `.${basename(path)}.${random}.partial`);
    const handle = await open(tempPath, "wx");
    return new AtomicFile(path, tempPath, handle);
  }

  async write(chunk: Uint8Array): Promise<void> {
    const handle = this.#handle;
    if (!handle) throw new Error(`AtomicFile for ${this.path} is already finished`);
    let offset = 0;
    while (offset < chunk.length) {
      const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
      offset += bytesWritten;
    }
  }

  /** Flushes, closes and renames the temporary file to the final path. */
  async commit(): Promise<void> {
    const handle = this.#handle;
    if (!handle) throw new Error(`AtomicFile for ${this.path} is already finished`);
    this.#handle = null;
    try {
      await handle.sync();
      await handle.close();
      await rename(this.tempPath, this.path);
    } catch (error) {
      await handle.close().catch(() => {});
      await unlink(this.tempPath).catch(() => {});
      throw error;
    }
  }

  /** Closes and removes the temporary file; never throws. The final path is left untouched. */
  async abort(): Promise<void> {
    const handle = this.#handle;
    this.#handle = null;
    if (handle) await handle.close().catch(() => {});
    await unlink(this.tempPath).catch(() => {});
  }
}
