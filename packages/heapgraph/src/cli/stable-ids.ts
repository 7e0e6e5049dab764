/**
 * `compare` and `leaks` match objects across snapshots by heap id. Bun's snapshots renumber
 * objects, and the library refuses to answer; this words that refusal for the command line,
 * and `--stable-ids` overrides it as the library's `stableIds` option does.
 *
 * @module
 */
import { QueryError } from "@heapgraph/graph";
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
 * names the files and says what to do instead.
 *
 * @example
 * ```ts
 * const rows = withStableIds("compare", [before, after], () => compare(a, b, { stableIds }));
 * ```
 */
export function withStableIds<T>(command: string, files: readonly string[], query: () => T): T {
  try {
    return query();
  } catch (error) {
    if (!(error instanceof QueryError) || error.code !== "IDS_NOT_STABLE") throw error;
    throw new CliError(
      "UNANSWERABLE",
      `${files.join(", ")}: heap ids do not identify objects across these snapshots (Bun numbers every snapshot afresh), so ${command} cannot match objects; ` +
        "use heapgraph growth, which compares classes, or --stable-ids if you know the ids are stable",
      { cause: error },
    );
  }
}
