/**
 * The error of the local web server: it cannot listen, or a page's bundled assets are missing.
 *
 * @module
 */
import { HeapgraphError } from "@heapgraph/snapshot";

/**
 * What went wrong:
 * - `CANNOT_LISTEN`: the host/port cannot be bound (in use, no such address, no permission).
 * - `ASSET_MISSING`: a page's bundled script or style is not built (`npm run build` makes them).
 * - `BAD_OPTIONS`: `startWebServer`'s options failed validation.
 *
 * @example
 * ```ts
 * const code: WebErrorCode = "CANNOT_LISTEN";
 * ```
 */
export type WebErrorCode = "CANNOT_LISTEN" | "ASSET_MISSING" | "BAD_OPTIONS";

/**
 * A failure of the local web server, with the bad value (host, port, asset name) in the message.
 *
 * @example
 * ```ts
 * throw new WebError("CANNOT_LISTEN", `cannot listen on 127.0.0.1:80 (permission denied)`);
 * ```
 */
export class WebError extends HeapgraphError<WebErrorCode> {}
