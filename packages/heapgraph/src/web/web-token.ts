/**
 * The secret every request to the local server must carry.
 *
 * @module
 */

/**
 * A fresh random token: 32 bytes (256 bits) from `crypto.getRandomValues`, as 64 lowercase hex
 * digits (safe in a URL, a header and a cookie without escaping).
 *
 * @example
 * ```ts
 * const token = newWebToken(); // "3f9c…" (64 hex digits)
 * ```
 */
export function newWebToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/**
 * Whether `given` equals `token`, comparing every character (no early exit, so the time taken does
 * not reveal how much of a guess was right).
 *
 * @example
 * ```ts
 * sameToken(new URL(url).searchParams.get("token"), token); // true
 * ```
 */
export function sameToken(given: string | null | undefined, token: string): boolean {
  if (typeof given !== "string" || given.length !== token.length) return false;
  let diff = 0;
  for (let i = 0; i < token.length; i++) diff |= given.charCodeAt(i) ^ token.charCodeAt(i);
  return diff === 0;
}
