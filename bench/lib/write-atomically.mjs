// Output files are replaced whole, never left half-written by an interrupted run.
import { renameSync, writeFileSync } from "node:fs";

/** Writes `text` (with a final newline) to a temporary file beside `path`, then renames it over `path`. */
export function writeAtomically(path, text) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text.endsWith("\n") ? text : text + "\n");
  renameSync(tmp, path);
}
