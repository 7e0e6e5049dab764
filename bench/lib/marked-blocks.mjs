// Sections of RESULTS.md written by other scripts than run.mjs (leaks.mjs), kept between
// markers so that each script rewrites only its own part:
//
//   <!-- bench:NAME begin -->
//   ...
//   <!-- bench:NAME end -->
import { existsSync, readFileSync } from "node:fs";

const BLOCK = /<!-- bench:([\w-]+) begin -->\n[\s\S]*?<!-- bench:\1 end -->\n?/g;

/** `block` wrapped in NAME's markers. */
export function markedBlock(name, block) {
  return `<!-- bench:${name} begin -->\n${block.trimEnd()}\n<!-- bench:${name} end -->\n`;
}

/** `text` with NAME's block replaced by `block`, or with `block` appended when it has none. */
export function replaceMarkedBlock(text, name, block) {
  const wrapped = markedBlock(name, block);
  let found = false;
  const out = text.replace(BLOCK, (whole, blockName) => {
    if (blockName !== name) return whole;
    found = true;
    return wrapped;
  });
  return found ? out : `${out.trimEnd()}\n\n${wrapped}`;
}

/** `text` (a fresh rendering of the file at `path`) with the marked blocks the file has now appended. */
export function keepMarkedBlocks(path, text) {
  if (!existsSync(path)) return text;
  const blocks = readFileSync(path, "utf8").match(BLOCK) ?? [];
  return blocks.reduce((out, block) => `${out.trimEnd()}\n\n${block}`, text);
}
