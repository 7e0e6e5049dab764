/**
 * The names a request's `Host` header may give (protection against DNS rebinding: a web page
 * on another site whose name is made to resolve to 127.0.0.1 sends its own name as Host).
 *
 * @module
 */
import { hostname as machineName, networkInterfaces } from "node:os";

const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1"];
const WILDCARDS = new Set(["0.0.0.0", "::", ""]);

/**
 * Whether `host` (an address or name to bind) is a loopback address.
 *
 * @example
 * ```ts
 * isLoopbackHost("127.0.0.1"); // true
 * isLoopbackHost("0.0.0.0"); // false
 * ```
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/**
 * The host names (lowercase, IPv6 without brackets, no port) that a server bound to `host`
 * answers to: the loopback names always; `host` itself when it is not loopback; and for a
 * wildcard bind (`0.0.0.0`, `::`) the machine's name and every interface address.
 *
 * @example
 * ```ts
 * allowedHostnames("127.0.0.1"); // Set { "127.0.0.1", "localhost", "::1" }
 * ```
 */
export function allowedHostnames(host: string): ReadonlySet<string> {
  const names = new Set(LOOPBACK_NAMES);
  const h = host.toLowerCase().replace(/^\[|\]$/g, "");
  if (WILDCARDS.has(h)) {
    names.add(machineName().toLowerCase());
    for (const list of Object.values(networkInterfaces())) for (const info of list ?? []) names.add(info.address.toLowerCase().replace(/%.*$/, ""));
  } else {
    names.add(h);
  }
  return names;
}

/**
 * The host name of a `Host` header value (`"localhost:8080"` → `"localhost"`,
 * `"[::1]:8080"` → `"::1"`), lowercase; null when there is no header.
 *
 * @example
 * ```ts
 * hostnameOfHeader("[::1]:5000"); // "::1"
 * ```
 */
export function hostnameOfHeader(header: string | null | undefined): string | null {
  if (!header) return null;
  const value = header.trim().toLowerCase();
  if (value.startsWith("[")) {
    const end = value.indexOf("]");
    return end < 0 ? null : value.slice(1, end);
  }
  const colon = value.indexOf(":");
  return colon < 0 ? value : value.slice(0, colon);
}
