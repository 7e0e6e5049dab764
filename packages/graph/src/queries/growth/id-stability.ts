import { z } from "zod";
import type { HeapGraph } from "../../engine/index.ts";
import { stableIdsOption } from "../shared/option-schemas.ts";
import { QueryError } from "../shared/query-error.ts";
import { foreignIdsMessage, idComparability } from "./id-comparability.ts";

/**
 * Whether a snapshot's heap object ids can identify objects across snapshots of one process.
 * False for JavaScriptCore-format snapshots and for Bun's V8-format output, which numbers the
 * nodes of each snapshot consecutively in node order (V8 never does: heap objects get odd ids).
 * `newObjects`, `compare` and `findLeaks` refuse such snapshots unless told `stableIds: true`.
 *
 * @example
 * ```ts
 * if (!idsAreStable(graph)) console.log("taken by Bun: compare classes, not objects");
 * ```
 */
export function idsAreStable(graph: HeapGraph): boolean {
  return graph.idsAreStable();
}

/**
 * Throws a {@link QueryError} `IDS_NOT_STABLE` unless ids are stable across `graphs` (or the
 * caller said they are with `stableIds: true`): each graph must keep ids across snapshots (Bun's
 * do not), and the graphs must share them, taken over one inspector connection of one process
 * (see `idComparability`).
 *
 * @example
 * ```ts
 * requireStableIds("newObjects", [before, after], options.stableIds);
 * ```
 */
export function requireStableIds(query: string, graphs: readonly HeapGraph[], stableIds: boolean | undefined): void {
  if (stableIds === true) return;
  if (stableIds === false) {
    throw new QueryError("IDS_NOT_STABLE", `${query}: stableIds is false, and this question needs ids that identify objects across snapshots`);
  }
  const unstable = graphs.findIndex((g) => !g.idsAreStable());
  if (unstable >= 0) {
    const which = graphs.length === 1 ? "the snapshot" : `snapshot ${unstable + 1} of ${graphs.length}`;
    throw new QueryError(
      "IDS_NOT_STABLE",
      `${query}: ${which} numbers its objects consecutively afresh (Bun's V8-format snapshots do), so ids do not ` +
        `identify objects across snapshots and ${query} would give wrong answers. Compare classes instead (growth, typestats), ` +
        `or pass { stableIds: true } if you know the ids are stable.`,
    );
  }
  const verdict = idComparability(graphs);
  if (verdict.comparable) return;
  const labels = graphs.map((_, i) => `snapshot ${i + 1} of ${graphs.length}`);
  throw new QueryError("IDS_NOT_STABLE", foreignIdsMessage(query, verdict, labels));
}

const stableIdsSchema = z.object(stableIdsOption);

/**
 * The option shared by the queries that match objects across snapshots by id.
 *
 * @example
 * ```ts
 * const options: StableIdsOption = { stableIds: true }; // you know the ids are stable
 * newObjects(before, after, options);
 * ```
 */
export type StableIdsOption = z.input<typeof stableIdsSchema>;
