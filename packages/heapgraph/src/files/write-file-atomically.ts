/**
 * Whole-file atomic writes for what heapgraph writes besides snapshots: the command's output
 * files (`--svg`, `--html`, reports) and the live API's drawings (`showRefs({ filename })`), on
 * top of `AtomicFile` from `@heapgraph/snapshot`.
 *
 * @module
 */
import { AtomicFile } from "@heapgraph/snapshot";

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
  const file = await AtomicFile.create(path);
  try {
    await file.write(typeof data === "string" ? encoder.encode(data) : data);
    await file.commit();
  } catch (error) {
    await file.abort();
    throw error;
  }
}
