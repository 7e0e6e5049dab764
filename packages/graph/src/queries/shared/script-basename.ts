/**
 * The last segment of a script URL or path, without query or fragment: what a label shows of a
 * script (`file:///srv/app/node_modules/debug/src/common.js?v=2` → `common.js`).
 *
 * @example
 * ```ts
 * scriptBasename("file:///srv/app/node_modules/debug/src/common.js"); // "common.js"
 * ```
 */
export function scriptBasename(path: string): string {
  return path.replace(/[?#].*$/, "").split(/[\\/]/).filter(Boolean).at(-1) ?? path;
}
