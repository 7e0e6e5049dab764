/**
 * What a scenario module exports (memlab's shape, plus a process to start), as a zod schema, and
 * the types derived from it.
 *
 * @module
 */
import type { HeapNode } from "@heapgraph/graph";
import type { Page } from "playwright-core";
import { z } from "zod";
import type { FetchTextInit } from "./fetch-text.ts";

const isFunction = (v: unknown) => typeof v === "function";
const fn = <F>() => z.custom<F>(isFunction, { error: "must be a function" });
const pattern = z.union([z.string().min(1), z.instanceof(RegExp)]);

/**
 * What a page scenario's steps get: the Playwright page, and which iteration this is.
 *
 * @example
 * ```ts
 * const action = async ({ page }: PageStepContext) => page.click("#open");
 * ```
 */
export interface PageStepContext {
  readonly kind: "page";
  /** Playwright's `Page`, on the scenario's `url`. */
  readonly page: Page;
  /** 0-based iteration of the current step: 0 in `setup`, negative (-1, -2, …) during the warm-up. */
  readonly iteration: number;
}

/**
 * What a process scenario's steps get: the service's URL and helpers to use it.
 *
 * @example
 * ```ts
 * const action = async (ctx: ProcessStepContext) => { await ctx.fetch(`/orders?i=${ctx.iteration}`); };
 * ```
 */
export interface ProcessStepContext {
  readonly kind: "process";
  /** The service's base URL: `start.url`, or the first loopback `http://` URL it printed on stdout. */
  readonly url: string | null;
  /** The process id of the started process. */
  readonly pid: number;
  /** 0-based iteration of the current step: 0 in `setup`, negative (-1, -2, …) during the warm-up. */
  readonly iteration: number;
  /**
   * Sends a request to `path` (resolved against `url`) on a connection of its own (no keep-alive,
   * so no socket of the scenario stays open in the service), reads the whole body and returns it;
   * rejects on a non-2xx status.
   */
  fetch(path: string, init?: FetchTextInit): Promise<string>;
  /** Runs a command to its end (no shell) and returns its stdout; rejects when it exits non-zero. */
  run(command: string, args?: readonly string[]): Promise<string>;
}

/**
 * What `setup`, `action` and `back` get: {@link PageStepContext} for a `url` scenario,
 * {@link ProcessStepContext} for a `start` scenario.
 *
 * @example
 * ```ts
 * const action = async (ctx: StepContext) => { if (ctx.kind === "page") await ctx.page.click("#open"); };
 * ```
 */
export type StepContext = PageStepContext | ProcessStepContext;

/**
 * Checks `start`, the process a service scenario starts.
 *
 * @example
 * ```ts
 * startSchema.parse({ command: "node", args: ["--inspect=127.0.0.1:0", "server.mjs"] });
 * ```
 */
export const startSchema = z.strictObject({
  /** The program, e.g. `node` or `deno` (`process.execPath` for the runtime running heapgraph). */
  command: z.string().min(1),
  /** Its arguments. They must open the inspector: `--inspect=127.0.0.1:0` (Node, Deno) or a fixed port with `inspectPort`. */
  args: z.array(z.string()).optional(),
  /** Working directory (default: the scenario file's directory). */
  cwd: z.string().min(1).optional(),
  /** Extra environment variables. */
  env: z.record(z.string(), z.string()).optional(),
  /** The inspector's port when it is fixed (`--inspect=9229`); by default the `ws://` URL the process prints is used. */
  inspectPort: z.number().int().min(1).max(65535).optional(),
  /** The service's base URL when fixed; by default the first `http://` URL the process prints on stdout. */
  url: z.string().regex(/^https?:\/\//, "must be an http:// or https:// URL").optional(),
  /** How long to wait for the inspector and the URL, in ms (default 20 000). */
  timeoutMs: z.number().int().positive().optional(),
});

/**
 * Checks a scenario module's exports. Exactly one of `url` (a web page, driven in Chromium) and
 * `start` (a Node or Deno process with its inspector open).
 *
 * @example
 * ```ts
 * scenarioSchema.parse({ url: "http://127.0.0.1:8080/", action: async ({ page }) => page.click("#add") });
 * ```
 */
export const scenarioSchema = z
  .object({
    /** The page to open (http, https, file or data URL). */
    url: z.string().regex(/^(https?|file|data):/, "must be an http(s), file or data URL").optional(),
    /** The process to start instead of a page. */
    start: startSchema.optional(),
    /** Runs once before the baseline snapshot. */
    setup: fn<(ctx: StepContext) => unknown>().optional(),
    /** The thing that should not leak; runs `iterations` times before the target snapshot. */
    action: fn<(ctx: StepContext) => unknown>(),
    /** Undoes `action` (close the dialog, go back); without it the action runs `iterations` more times before the final snapshot. */
    back: fn<(ctx: StepContext) => unknown>().optional(),
    /** How many times the action runs per step (default 1 for a page, as memlab; 10 for a process). */
    iterations: z.number().int().positive().max(100_000).optional(),
    /**
     * How many times the action (and `back`) runs after `setup` and before the baseline snapshot
     * (default 1), so that what the first run initializes once (caches, lazily compiled code,
     * the browser's injected scripts) is in the baseline and not reported.
     */
    warmup: z.number().int().min(0).max(100_000).optional(),
    /** memlab's leak filter: only leaked objects for which it returns true. */
    leakFilter: fn<(node: HeapNode) => boolean>().optional(),
    /** Only leaked objects of these classes (as `--class`). */
    classes: z.array(pattern).optional(),
    /** Only leaked objects of these node types (as `--type`). */
    types: z.array(z.string().min(1)).optional(),
    /** Only the program's own objects (as `--user`). */
    user: z.boolean().optional(),
  })
  .refine((s) => (s.url === undefined) !== (s.start === undefined), { error: "give exactly one of `url` (a page) and `start` (a process)" });

/**
 * A checked scenario.
 *
 * @example
 * ```ts
 * const scenario: Scenario = { url: "http://127.0.0.1:8080/", action: ({ page }) => page.click("#open") };
 * ```
 */
export type Scenario = z.output<typeof scenarioSchema>;

/**
 * What a scenario module may export, typed for editors. Returns its argument unchanged.
 *
 * @example
 * ```ts
 * import { defineScenario } from "heapgraph";
 * export default defineScenario({
 *   start: { command: "node", args: ["--inspect=127.0.0.1:0", "server.mjs"] },
 *   action: (ctx) => ctx.kind === "process" && ctx.fetch("/orders"),
 * });
 * ```
 */
export function defineScenario(scenario: z.input<typeof scenarioSchema>): z.input<typeof scenarioSchema> {
  return scenario;
}
