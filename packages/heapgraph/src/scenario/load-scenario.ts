/**
 * Loading a scenario module: import it, take its default export (or its named exports), check
 * them against the scenario schema.
 *
 * @module
 */
import { stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ScenarioError } from "./scenario-error.ts";
import { scenarioSchema, type Scenario } from "./scenario-schema.ts";

/**
 * A scenario read from its file, with where it came from.
 *
 * @example
 * ```ts
 * const loaded: LoadedScenario = await loadScenario("scenarios/dialog.mjs");
 * ```
 */
export interface LoadedScenario {
  /** The file, as given. */
  readonly file: string;
  /** Its directory, absolute: where a process scenario starts by default. */
  readonly dir: string;
  readonly scenario: Scenario;
}

/**
 * Imports the scenario module at `file` (`.mjs`, `.js`; `.ts` where the runtime runs TypeScript)
 * and checks what it exports: an `export default { … }` object, or the fields as named exports
 * (`export const url = …; export async function action(…) {…}`).
 *
 * @throws {ScenarioError} `INVALID_SCENARIO`: no such file, the module throws while loading, or a
 * field is missing or of the wrong kind (the message names the file and the field).
 *
 * @example
 * ```ts
 * const { scenario } = await loadScenario("leak.mjs");
 * console.log(scenario.url ?? scenario.start?.command, scenario.iterations);
 * ```
 */
export async function loadScenario(file: string): Promise<LoadedScenario> {
  const path = resolve(file);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new ScenarioError("INVALID_SCENARIO", `${file}: no such scenario file`);
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    throw new ScenarioError("INVALID_SCENARIO", `${file}: the scenario module failed to load: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const exported = typeof module.default === "object" && module.default !== null ? module.default : { ...module };
  const parsed = scenarioSchema.safeParse(exported);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message));
    throw new ScenarioError("INVALID_SCENARIO", `${file}: not a scenario: ${problems.join("; ")} (a scenario exports \`url\` or \`start\`, and \`action\`)`, { cause: parsed.error });
  }
  return { file, dir: dirname(path), scenario: parsed.data };
}
