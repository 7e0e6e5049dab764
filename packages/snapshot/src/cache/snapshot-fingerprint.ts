/**
 * What ties an index cache to a snapshot file's content: its size, its modification time and a
 * hash of 64 KB read at nine places spread over the file (start, end and evenly between), so that
 * a rewritten, truncated or replaced snapshot no longer matches, while computing it costs a few
 * small reads whatever the file's size.
 *
 * @module
 */
import { open, stat } from "node:fs/promises";
import { checksum } from "./checksum.ts";

/** Bytes hashed at each sample place. */
const SAMPLE_BYTES = 64 * 1024;
/** Sample places: the start, the end and evenly between. */
const SAMPLES = 9;

/**
 * A snapshot file's fingerprint. Two fingerprints are the same file content (as far as the cache
 * can tell) when all fields are equal.
 *
 * @example
 * ```ts
 * const print: SnapshotFingerprint = { size: 24251120, mtimeMs: 1764668950000, sample: 2712897661 };
 * ```
 */
export interface SnapshotFingerprint {
  readonly size: number;
  readonly mtimeMs: number;
  /** {@link checksum} of the sampled bytes. */
  readonly sample: number;
}

/**
 * The fingerprint of the file at `path`. Throws the file system's error.
 *
 * @example
 * ```ts
 * const print = await snapshotFingerprint("app.heapsnapshot");
 * ```
 */
export async function snapshotFingerprint(path: string): Promise<SnapshotFingerprint> {
  const info = await stat(path);
  const size = info.size;
  const handle = await open(path, "r");
  try {
    const places = new Set<number>();
    for (let k = 0; k < SAMPLES; k++) places.add(Math.max(0, Math.floor(((size - SAMPLE_BYTES) * k) / (SAMPLES - 1))));
    const buffer = new Uint8Array(SAMPLE_BYTES);
    let sample = size >>> 0;
    for (const place of [...places].sort((x, y) => x - y)) {
      let got = 0;
      while (got < SAMPLE_BYTES) {
        const { bytesRead } = await handle.read(buffer, got, SAMPLE_BYTES - got, place + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      sample = checksum(buffer.subarray(0, got), sample);
    }
    return { size, mtimeMs: Math.floor(info.mtimeMs), sample };
  } finally {
    await handle.close();
  }
}
