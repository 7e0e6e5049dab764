/**
 * From a live value of this process to its heap snapshot id and back, through the
 * in-process V8 inspector (`HeapProfiler.getHeapObjectId`,
 * `HeapProfiler.getObjectByHeapObjectId`). Node and Deno; Bun cannot.
 *
 * @module
 */
import { z } from "zod";
import { inProcessInspector, type InProcessInspector } from "./in-process-inspector.ts";
import { NotSupportedError } from "./not-supported-error.ts";
import { detectRuntime } from "./runtime.ts";

/** Options of {@link heapIdOf} and {@link objectAt}. */
export interface HeapIdOptions {
  /** Longest wait for one inspector command, in ms. Default 120 000 (assigning ids can mean a full heap walk). */
  timeoutMs?: number;
}

const optionsSchema = z.strictObject({ timeoutMs: z.number().int().positive().max(2 ** 31 - 1).optional() });

/** The global slot that hands a value between this code and the inspector; emptied right after use. */
const HANDOFF = "heapgraph.handoff";
const GROUP = "heapgraph";

type Handoff = Record<symbol, unknown>;

/**
 * The heap snapshot id of `value`: the `id` of its node in any snapshot of this process
 * taken later (and earlier, if it already existed then). Ids are stable for the life of
 * the process on Node and Deno.
 *
 * V8 numbers objects when it takes a snapshot; for an object created since the last
 * snapshot, this call first makes V8 number the heap, which costs about as much as
 * building a snapshot (nothing is serialized).
 *
 * Throws `TypeError` for primitives, {@link NotSupportedError} on Bun (no in-process
 * inspector, and Bun renumbers objects in every snapshot, so no id would outlive one
 * snapshot: give the object a distinctive class or property and search for that
 * instead) and on Deno without `--allow-sys`.
 *
 * @example
 * ```ts
 * import { heapIdOf, takeSnapshot } from "@heapgraph/snapshot";
 * const suspect = cache.get("user:42");
 * const id = await heapIdOf(suspect);
 * const snap = await takeSnapshot();
 * const ordinal = snap.nodeId.indexOf(id); // the node of `suspect`
 * ```
 */
export async function heapIdOf(value: object, options: HeapIdOptions = {}): Promise<number> {
  if ((typeof value !== "object" || value === null) && typeof value !== "function") {
    throw new TypeError(`heapIdOf needs an object or a function; got ${value === null ? "null" : typeof value} ${String(value).slice(0, 40)}`);
  }
  const { timeoutMs = 120_000 } = validate(options, "heapIdOf");
  const inspector = await inspectorFor("heapIdOf");
  return inspector.exclusive(async () => {
    const slot = Symbol.for(HANDOFF);
    (globalThis as unknown as Handoff)[slot] = value;
    let objectId: string | undefined;
    try {
      const evaluated = await inspector.post<{ result: { objectId?: string } }>(
        "Runtime.evaluate",
        { expression: `globalThis[Symbol.for(${JSON.stringify(HANDOFF)})]`, objectGroup: GROUP, silent: true },
        timeoutMs,
      );
      objectId = evaluated.result.objectId;
    } finally {
      delete (globalThis as unknown as Handoff)[slot];
    }
    try {
      if (!objectId) throw new Error("the inspector returned no object handle for the value");
      let id = await snapshotIdOf(inspector, objectId, timeoutMs);
      if (id === 0) {
        await numberTheHeap();
        id = await snapshotIdOf(inspector, objectId, timeoutMs);
      }
      if (id === 0) throw new Error("V8 did not assign a heap snapshot id to the value");
      return id;
    } finally {
      await inspector.post("Runtime.releaseObjectGroup", { objectGroup: GROUP }, timeoutMs).catch(() => {});
    }
  });
}

/**
 * The live value whose heap snapshot id is `id`, or `undefined` when V8 knows no live
 * object by that id (collected, never numbered, or an internal object that JavaScript
 * cannot hold). Objects come back as themselves (`objectAt(await heapIdOf(x)) === x`);
 * strings and numbers come back as their value.
 *
 * Throws {@link NotSupportedError} where {@link heapIdOf} does.
 *
 * @example
 * ```ts
 * import { objectAt, takeSnapshot } from "@heapgraph/snapshot";
 * const snap = await takeSnapshot();
 * const ordinal = snap.nodeName.findIndex((n) => snap.strings[n] === "Session");
 * const session = await objectAt(snap.nodeId[ordinal]);
 * console.log(session);
 * ```
 */
export async function objectAt(id: number, options: HeapIdOptions = {}): Promise<unknown> {
  if (!Number.isSafeInteger(id) || id <= 0) throw new RangeError(`objectAt needs a positive integer heap id; got ${String(id)}`);
  const { timeoutMs = 120_000 } = validate(options, "objectAt");
  const inspector = await inspectorFor("objectAt");
  return inspector.exclusive(async () => {
    try {
      let found: { result: { objectId?: string; value?: unknown; type?: string } };
      try {
        found = await inspector.post("HeapProfiler.getObjectByHeapObjectId", { objectId: String(id), objectGroup: GROUP }, timeoutMs);
      } catch (error) {
        if (/not available|not found|no object/i.test((error as Error).message)) return undefined;
        throw error;
      }
      const remote = found.result;
      if (!remote.objectId) return remote.type === "undefined" ? undefined : remote.value;
      const slot = Symbol.for(HANDOFF);
      try {
        await inspector.post(
          "Runtime.callFunctionOn",
          {
            objectId: remote.objectId,
            functionDeclaration: `function () { globalThis[Symbol.for(${JSON.stringify(HANDOFF)})] = this; }`,
            silent: true,
          },
          timeoutMs,
        );
        return (globalThis as unknown as Handoff)[slot];
      } finally {
        delete (globalThis as unknown as Handoff)[slot];
      }
    } finally {
      await inspector.post("Runtime.releaseObjectGroup", { objectGroup: GROUP }, timeoutMs).catch(() => {});
    }
  });
}

function validate(options: HeapIdOptions, operation: string): HeapIdOptions {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw new TypeError(`invalid ${operation} options: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  return parsed.data;
}

async function inspectorFor(operation: string): Promise<InProcessInspector> {
  if (detectRuntime() === "bun") {
    throw new NotSupportedError(
      operation,
      "bun",
      "Bun has no in-process V8 inspector, and it renumbers objects in every snapshot, so no id would outlive one snapshot; " +
        "give the object a distinctive class or property and search the snapshot for that instead",
    );
  }
  return inProcessInspector(operation);
}

async function snapshotIdOf(inspector: InProcessInspector, objectId: string, timeoutMs: number): Promise<number> {
  const reply = await inspector.post<{ heapSnapshotObjectId: string }>("HeapProfiler.getHeapObjectId", { objectId }, timeoutMs);
  return Number(reply.heapSnapshotObjectId);
}

/** Makes V8 number every live object: building a snapshot does, and the stream is dropped before any serialization. */
async function numberTheHeap(): Promise<void> {
  const v8 = await import("node:v8");
  const stream = v8.getHeapSnapshot();
  stream.destroy();
}
