#!/usr/bin/env node
// Bundles the browser code of heapgraph's local pages (src/web/**/page/) with esbuild into
// assets/web/<page>.js (and <page>.css when the entry imports CSS), where src/web/web-asset.ts
// finds them (from src/ and from dist/ alike). Run by the package's `build` script after tsc, from
// the package directory. assets/web/ is generated (gitignored) and published ("files": assets).
// Each file is replaced atomically (written beside, then renamed), so a page served while a build
// runs never reads half a bundle; files of pages no longer listed are removed.
// Adding a page: one line in PAGES.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { build } from "esbuild";

/** Page name → its browser entry (relative to packages/heapgraph). */
const PAGES = {
  explore: "src/web/explore/page/explore-page.ts",
  watch: "src/web/watch/page/watch-page.ts",
};

const OUT = join("assets", "web");
const result = await build({
  entryPoints: PAGES,
  outdir: OUT,
  write: false,
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2022",
  minify: true,
  legalComments: "eof",
  logLevel: "warning",
});
mkdirSync(OUT, { recursive: true });
const written = new Set();
for (const file of result.outputFiles) {
  const name = basename(file.path);
  const temporary = join(OUT, `.${name}.${process.pid}.tmp`);
  writeFileSync(temporary, file.contents);
  renameSync(temporary, join(OUT, name));
  written.add(name);
}
for (const name of readdirSync(OUT)) if (!written.has(name) && !name.startsWith(".")) rmSync(join(OUT, name), { force: true });
