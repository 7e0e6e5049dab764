/**
 * From a live value of this process to its heap snapshot id and back, through the in-process
 * V8 inspector (`HeapProfiler.getHeapObjectId`, `HeapProfiler.getObjectByHeapObjectId`).
 * Node's, and Deno's through Deno's inspector session.
 *
 * @module
 */
import type { InProcessInspector } from "./in-process-inspector.ts";

/** The global slot that hands a value between this code and the inspector; emptied right after use. */
const HANDOFF = "heapgraph.handoff";
const GROUP = "heapgraph";

type Handoff = Record<symbol, unknown>;

/**
 * The heap snapshot id of `value`. V8 numbers objects when it builds a snapshot; for an object
 * created since the last one, this first makes V8 number the heap (a snapshot built and dropped
 * before any serialization).
 *
 * @example
 * ```ts
 * const id = await heapIdOf(await inProcessInspector("heapIdOf"), suspect, 120_000);
 * ```
 */
export function heapIdOf(inspector: InProcessInspector, value: object, timeoutMs: number): Promise<number> {
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
 * The live value whose heap snapshot id is `id`, or `undefined` when V8 knows no live object by
 * that id. Objects come back as themselves; strings and numbers as their value.
 *
 * @example
 * ```ts
 * const value = await objectAt(await inProcessInspector("objectAt"), id, 120_000);
 * ```
 */
export function objectAt(inspector: InProcessInspector, id: number, timeoutMs: number): Promise<unknown> {
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
