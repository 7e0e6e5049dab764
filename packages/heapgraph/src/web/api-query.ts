/**
 * Validating a JSON API's query string with zod: a bad request is a 400 whose JSON body says
 * which parameter is wrong and what it was.
 *
 * @module
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { z } from "zod";

/**
 * Throws a Hono `HTTPException` that answers `status` with `{ "error": message }` as JSON.
 *
 * @example
 * ```ts
 * if (id >= graph.nodeCount) apiError(400, `id ${id} is out of range (0..${graph.nodeCount - 1})`);
 * ```
 */
export function apiError(status: 400 | 404, message: string): never {
  throw new HTTPException(status, { res: Response.json({ error: message }, { status }) });
}

/**
 * The request's query parameters checked by `schema` (an object schema over strings; use
 * `z.coerce.number()` for numbers), or a 400 `{ "error": "id: … (got \"x\")" }`.
 *
 * @example
 * ```ts
 * app.get("/api/refs", (c) => {
 *   const { id } = apiQuery(c, z.object({ id: z.coerce.number().int().min(0) }));
 *   return c.json(refsOf(id));
 * });
 * ```
 */
export function apiQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const raw = c.req.query();
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = issue.path.map(String).join(".");
  const got = name in raw ? ` (got ${JSON.stringify(raw[name])})` : "";
  return apiError(400, `${name || "query"}: ${issue.message}${got}`);
}
