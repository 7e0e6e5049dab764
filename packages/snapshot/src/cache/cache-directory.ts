/**
 * Where index caches live and how big they may grow: one directory (`$HEAPGRAPH_CACHE_DIR`, else
 * `$XDG_CACHE_HOME/heapgraph`, else `~/.cache/heapgraph`), one `<hash of the snapshot's absolute
 * path>.hgindex` file per snapshot, and a bound on the total size: the least recently used files
 * go first (reading a cache touches it).
 *
 * @module
 */
import { mkdir, readdir, rm, stat, utimes } from "node:fs/promises";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { checksum } from "./checksum.ts";

/**
 * The ending of index cache files.
 *
 * @example
 * ```ts
 * files.filter((f) => f.endsWith(INDEX_CACHE_SUFFIX));
 * ```
 */
export const INDEX_CACHE_SUFFIX = ".hgindex";

/**
 * The default bound on the cache directory's total size: 8 GB (`HEAPGRAPH_CACHE_MAX_BYTES` overrides it).
 *
 * @example
 * ```ts
 * await pruneIndexCaches(dir, DEFAULT_CACHE_MAX_BYTES);
 * ```
 */
export const DEFAULT_CACHE_MAX_BYTES = 8e9;

/**
 * The cache directory for `env` (the process environment): `HEAPGRAPH_CACHE_DIR`, else
 * `XDG_CACHE_HOME/heapgraph`, else `~/.cache/heapgraph`.
 *
 * @example
 * ```ts
 * const dir = indexCacheDir(process.env); // "/home/me/.cache/heapgraph"
 * ```
 */
export function indexCacheDir(env: Readonly<Record<string, string | undefined>>): string {
  if (env.HEAPGRAPH_CACHE_DIR) return resolve(env.HEAPGRAPH_CACHE_DIR);
  if (env.XDG_CACHE_HOME) return join(resolve(env.XDG_CACHE_HOME), "heapgraph");
  return join(homedir(), ".cache", "heapgraph");
}

/**
 * The cache file for the snapshot at `snapshotPath` (made absolute) in `dir`.
 *
 * @example
 * ```ts
 * indexCachePath(dir, "app.heapsnapshot"); // "<dir>/app.heapsnapshot-3f2a91c07d5e8b14.hgindex"
 * ```
 */
export function indexCachePath(dir: string, snapshotPath: string): string {
  const absolute = resolve(snapshotPath);
  const bytes = new TextEncoder().encode(absolute);
  const hash = checksum(bytes, 1).toString(16).padStart(8, "0") + checksum(bytes, 2).toString(16).padStart(8, "0");
  const base = absolute.split(/[\\/]/).pop()!.replace(/[^\w.-]/g, "_").slice(0, 60);
  return join(dir, `${base}-${hash}${INDEX_CACHE_SUFFIX}`);
}

/**
 * One cache file of a directory.
 *
 * @example
 * ```ts
 * const { files, bytes } = await indexCacheInfo(dir);
 * ```
 */
export interface IndexCacheEntry {
  readonly path: string;
  readonly bytes: number;
  /** Last use (the file's modification time: reading a cache touches it). */
  readonly usedMs: number;
}

/**
 * The cache files in `dir`, most recently used first, and their total size (none when the
 * directory does not exist).
 *
 * @example
 * ```ts
 * const { files, bytes } = await indexCacheInfo(indexCacheDir(process.env));
 * console.log(files.length, "files,", bytes, "bytes");
 * ```
 */
export async function indexCacheInfo(dir: string): Promise<{ files: IndexCacheEntry[]; bytes: number }> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return { files: [], bytes: 0 };
  }
  const files: IndexCacheEntry[] = [];
  for (const name of names) {
    // Cache files and the temporary files of interrupted writes.
    if (!name.endsWith(INDEX_CACHE_SUFFIX) && !(name.startsWith(".") && name.includes(`${INDEX_CACHE_SUFFIX}.`) && name.endsWith(".partial"))) continue;
    try {
      const info = await stat(join(dir, name));
      if (info.isFile()) files.push({ path: join(dir, name), bytes: info.size, usedMs: info.mtimeMs });
    } catch {
      // Removed meanwhile.
    }
  }
  files.sort((a, b) => b.usedMs - a.usedMs);
  return { files, bytes: files.reduce((sum, f) => sum + f.bytes, 0) };
}

/**
 * Removes the least recently used cache files of `dir` until the rest fit in `maxBytes`; `keep`
 * (the file just written) is never removed. Resolves with the removed paths; never throws.
 *
 * @example
 * ```ts
 * await pruneIndexCaches(dir, DEFAULT_CACHE_MAX_BYTES, justWritten);
 * ```
 */
export async function pruneIndexCaches(dir: string, maxBytes: number, keep?: string): Promise<string[]> {
  const { files } = await indexCacheInfo(dir);
  let total = files.find((f) => f.path === keep)?.bytes ?? 0;
  const removed: string[] = [];
  for (const file of files) {
    if (file.path === keep) continue;
    if (total + file.bytes <= maxBytes) {
      total += file.bytes;
      continue;
    }
    await rm(file.path, { force: true }).then(() => removed.push(file.path), () => {});
  }
  return removed;
}

/**
 * Removes every cache file of `dir` (not the directory, nor other files in it). Resolves with
 * the number of files and bytes removed.
 *
 * @example
 * ```ts
 * const { files, bytes } = await clearIndexCaches(indexCacheDir(process.env));
 * ```
 */
export async function clearIndexCaches(dir: string): Promise<{ files: number; bytes: number }> {
  const { files } = await indexCacheInfo(dir);
  let count = 0, bytes = 0;
  for (const file of files) {
    try {
      await rm(file.path, { force: true });
      count++;
      bytes += file.bytes;
    } catch {
      // Not ours to remove (permissions): left, and not counted.
    }
  }
  return { files: count, bytes };
}

/**
 * Makes `dir` (and its parents) exist.
 *
 * @example
 * ```ts
 * await ensureIndexCacheDir(dir);
 * ```
 */
export async function ensureIndexCacheDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
}

/**
 * Marks the cache file at `path` as just used (for the least-recently-used bound); never throws.
 *
 * @example
 * ```ts
 * await touchIndexCache(cacheFile);
 * ```
 */
export async function touchIndexCache(path: string): Promise<void> {
  const now = new Date();
  await utimes(path, now, now).catch(() => {});
}
