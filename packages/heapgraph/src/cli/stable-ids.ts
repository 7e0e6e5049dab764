/**
 * `compare` and `leaks` match objects across snapshots by heap id. Bun's snapshots renumber
 * objects, and snapshots taken over different inspector connections or from different processes
 * number them differently; the library refuses to answer; this words that refusal for the command
 * line, naming the files, and `--stable-ids` overrides it as the library's `stableIds` option does.
 *
 * @module
 */
import { foreignIdsMessage, idComparability, QueryError, type HeapGraph } from "@heapgraph/graph";
import { CliError } from "./cli-error.ts";
import type { OptionSpec } from "./command.ts";
import { switchFlag } from "./flags.ts";

/**
 * The `--stable-ids` option.
 *
 * @example
 * ```ts
 * const options = { limit: countFlag("how many", 20), "stable-ids": STABLE_IDS_OPTION };
 * ```
 */
export const STABLE_IDS_OPTION: OptionSpec<boolean> = switchFlag("trust that heap ids identify objects across the snapshots even where they look renumbered");

/**
 * Runs `query`; an `IDS_NOT_STABLE` refusal becomes an `UNANSWERABLE` error (exit 1) that
 * names the files and says what to do instead. `graphs` (the graphs of `files`) let it say which
 * file came over another connection.
 *
 * @example
 * ```ts
 * const rows = withStableIds("compare", [before, after], () => compare(a, b, { stableIds }), [a, b]);
 * ```
 */
export function withStableIds<T>(command: string, files: readonly string[], query: () => T, graphs?: readonly HeapGraph[]): T {
  try {
    return query();
  } catch (error) {
    if (!(error instanceof QueryError) || error.code !== "IDS_NOT_STABLE") throw error;
    const verdict = graphs && graphs.every((g) => g.idsAreStable()) ? idComparability(graphs) : null;
    if (verdict && !verdict.comparable) throw new CliError("UNANSWERABLE", foreignIdsMessage(command, verdict, files, "--stable-ids"), { cause: error });
    throw new CliError(
      "UNANSWERABLE",
      `${files.join(", ")}: heap ids do not identify objects across these snapshots (Bun numbers every snapshot afresh), so ${command} cannot match objects; ` +
        "use heapgraph growth, which compares classes, or --stable-ids if you know the ids are stable",
      { cause: error },
    );
  }
}
