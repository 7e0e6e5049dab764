#!/usr/bin/env node
// Bundles the `heapgraph` command with esbuild into dist/cli.js (what bin/heapgraph.js runs), so
// that Node starts by parsing one file instead of resolving ~400 modules (heapgraph's, the other
// @heapgraph packages' and zod's). Run by the package's `build` script after tsc, from the package
// directory; it replaces tsc's dist/cli.js (dist/cli.d.ts and the library's dist/index.js stay tsc's).
// A later `tsc -p packages/heapgraph/tsconfig.json` writes tsc's dist/cli.js back (it works, importing
// dist/cli/*.js and the packages' dist/, but starts as slowly as before): run this again after it.
//
// - The sources are bundled from src/ (the `@heapgraph/source` export condition), so the bundle
//   is the workspace's code even when another package's dist/ is older.
// - Commands that load heavy code lazily keep doing so: their dynamic `import()`s become chunks
//   (dist/cli-chunk-*.js, beside cli.js), loaded only when such a command runs (mcp, explore,
//   watch). Third-party packages loaded lazily (the MCP SDK, the web server, playwright) stay
//   outside the bundle and resolve from node_modules as before.
// - The workers the command starts (src/parallel/*-worker.ts) are entries too, written over tsc's
//   dist/parallel/*-worker.js: the worker threads run the same code as the command (from src/,
//   sharing its chunks), never an older dist/ of another package.
// - Code that finds files beside itself (`new URL("../../assets/…", import.meta.url)`) gets the
//   URL its tsc-compiled file would have in dist/, so assets, the package.json and the workers
//   are found as before. That holds for code in cli.js and the chunks (all in dist/ itself); the
//   build fails if such code would land in a worker entry (in dist/parallel/), or if code of
//   another package uses import.meta.url (its dist/ is elsewhere).
// Each file is written beside its target and renamed; chunks first, cli.js last, so that a
// command started during a build runs either the old bundle or the new one.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import process from "node:process";
import { build } from "esbuild";

const PACKAGE_DIR = resolve(".");
const SRC = join(PACKAGE_DIR, "src");
/** dist/, or the directory after `--outdir` (a copy of dist/ to try a bundle in). */
const OUT = process.argv.includes("--outdir") ? resolve(process.argv[process.argv.indexOf("--outdir") + 1]) : join(PACKAGE_DIR, "dist");
const CHUNK_PREFIX = "cli-chunk-";
/** The bundle's first comment (tsc's own dist/cli.js, which `tsc -p` writes over it, has none). */
const BUNDLE_MARK = "// heapgraph command bundle (packages/heapgraph/scripts/bundle-cli.mjs)";

/** Packages loaded lazily by some commands only, large, or with files of their own: resolved at run time. */
const EXTERNAL = ["@modelcontextprotocol/sdk", "@modelcontextprotocol/sdk/*", "@hono/node-server", "hono", "hono/*", "playwright-core"];

/** Sources whose `import.meta.url` was rewritten (checked against the outputs after the build). */
const rewritten = new Set();

/** `import.meta.url` in a file of src/, as the URL of its tsc output in dist/ (for code in dist/ itself: cli.js and the chunks). */
const metaUrlAsInDist = {
  name: "import-meta-url-as-in-dist",
  setup(b) {
    b.onLoad({ filter: /\.(ts|js|mjs)$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      if (!args.path.startsWith(SRC + "/")) {
        if (/\/packages\/(snapshot|graph|render|notebook)\/src\//.test(args.path.split("\\").join("/")) && /^[^*/]*import\.meta\.url/m.test(source)) {
          return { errors: [{ text: `${args.path} uses import.meta.url: the bundle cannot tell where that package's files are` }] };
        }
        return undefined;
      }
      rewritten.add(relative(PACKAGE_DIR, args.path).split("\\").join("/"));
      const asInDist = `./${relative(SRC, args.path).split("\\").join("/").replace(/\.ts$/, ".js")}`;
      return { contents: source.replaceAll("import.meta.url", `new URL(${JSON.stringify(asInDist)}, import.meta.url).href`), loader: "ts" };
    });
  },
};

/** The workers the command starts, by their place in dist/ (`parallel/phase-worker`). */
const WORKERS = Object.fromEntries(
  readdirSync(join(SRC, "parallel"))
    .filter((name) => name.endsWith("-worker.ts"))
    .map((name) => [`parallel/${name.replace(/\.ts$/, "")}`, join(SRC, "parallel", name)]),
);

const result = await build({
  entryPoints: { cli: join(SRC, "cli.ts"), ...WORKERS },
  outdir: OUT,
  chunkNames: `${CHUNK_PREFIX}[hash]`,
  write: false,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  conditions: ["@heapgraph/source"],
  external: EXTERNAL,
  keepNames: true,
  minify: true,
  sourcemap: "linked",
  legalComments: "eof",
  logLevel: "warning",
  metafile: true,
  plugins: [metaUrlAsInDist],
  // After the entry's shebang: how to tell the bundle from tsc's dist/cli.js (bench/tools/heapgraph-cli.mjs checks it).
  banner: { js: BUNDLE_MARK },
});

// Code whose import.meta.url was rewritten must sit in dist/ itself (not in a worker entry in dist/parallel/).
for (const [output, info] of Object.entries(result.metafile.outputs)) {
  if (!output.includes("/parallel/")) continue;
  const misplaced = Object.keys(info.inputs).find((input) => rewritten.has(relative(PACKAGE_DIR, resolve(input)).split("\\").join("/")));
  if (misplaced) throw new Error(`${misplaced} uses import.meta.url and would land in ${output}, whose URL is not dist/'s: keep it out of the workers`);
}

// Chunks first, the entries (cli.js last) after, so that a command started meanwhile finds every chunk it imports.
const entry = join(OUT, "cli.js");
const rank = (path) => (path.startsWith(entry) ? 2 : basename(path).startsWith(CHUNK_PREFIX) ? 0 : 1);
const files = [...result.outputFiles].sort((a, b) => rank(a.path) - rank(b.path));
const written = new Set();
for (const file of files) {
  const name = basename(file.path);
  mkdirSync(dirname(file.path), { recursive: true });
  const temporary = join(dirname(file.path), `.${name}.${process.pid}.tmp`);
  writeFileSync(temporary, file.contents);
  renameSync(temporary, file.path);
  written.add(name);
}
// Chunks of earlier builds (their names are content hashes).
for (const name of readdirSync(OUT)) {
  if (name.startsWith(CHUNK_PREFIX) && !written.has(name)) rmSync(join(OUT, name), { force: true });
}
