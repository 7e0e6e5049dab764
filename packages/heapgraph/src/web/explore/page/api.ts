/// <reference lib="dom" />
/**
 * The explore page's calls to its server's JSON API, with the token in the `X-Heapgraph-Token`
 * header (read from the page's `<meta name="heapgraph-token">`).
 *
 * @module
 */

const token = document.querySelector<HTMLMetaElement>('meta[name="heapgraph-token"]')?.content ?? "";

/**
 * GETs `/api/<path>` with `params` and returns its JSON; an error answer throws an Error with the
 * server's message.
 *
 * @example
 * ```ts
 * const rows = await api<ClassRow[]>("classes", { file: 0 });
 * ```
 */
export async function api<T>(path: string, params: Record<string, string | number> = {}): Promise<T> {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const response = await fetch(`/api/${path}?${query}`, { headers: { "X-Heapgraph-Token": token } });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      message = ((await response.json()) as { error?: string }).error ?? message;
    } catch {
      // not JSON: keep the status
    }
    throw new Error(message);
  }
  return (await response.json()) as T;
}
