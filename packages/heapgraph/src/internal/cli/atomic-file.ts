/**
 * Whole-file atomic writes for the command's output files (`--svg`, `--html`, reports).
 *
 * This is the one place that knows how. It mirrors `AtomicFile` of `@heapgraph/snapshot`
 * (packages/snapshot/src/internal/atomic-file.ts), which that package does not export yet;
 * once it does (`export { AtomicFile } from "./internal/atomic-file.ts";` in its index), the
 * body of {@link writeFileAtomically} becomes `AtomicFile.create`, `write`, `commit`, `abort`.
 *
 * @module
 */
import { open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

const encoder = new TextEncoder();

/**
 * Writes `data` to `path` so that the file appears only when complete: the bytes go to a
 * temporary file next to it, which is synced and renamed over `path`; on any failure the
 * temporary file is removed and `path` is left as it was. Throws the file system's error.
 *
 * @example
 * ```ts
 * await writeFileAtomically("report.html", "<!DOCTYPE html>…");
 * ```
 */
export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const bytes = typeof data === "string" ? encoder.encode(data) : data;
  const tempPath = join(dirname(path), `.${basename(path)}.${Math.random().toString(36).slice(2, 10)}.partial`);
  const handle = await open(tempPath, "wx");
  try {
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
      offset += bytesWritten;
    }
    await handle.sync();
    await handle.close();
    await rename(tempPath, path);
  } catch (error) {
    await handle.close().catch(() => {});
    await unlink(tempPath).catch(() => {});
    throw error;
  }
}
