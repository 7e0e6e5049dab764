// The layering of heapgraph's sources, checked by dependency-cruiser in `npm test`
// (`npm run check:layers`). DESIGN.md section 1 is the picture; each rule says what it protects.
// Paths are relative to the repository root. Type-only imports count: a contract is a dependency too.

/** A package's sources. */
const src = (pkg) => `^packages/${pkg}/src/`;
/** A package's sources or its build output, however an import of it resolves. */
const anyOf = (pkgs) => `^packages/(${pkgs.join("|")})/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "No import cycles: a cycle means a contract lives in an implementation file. Move it to a file of its own.",
      from: { path: "^packages/" },
      to: { circular: true },
    },
    // Packages point one way: snapshot <- graph <- render <- notebook <- heapgraph.
    {
      name: "snapshot-is-the-bottom",
      severity: "error",
      comment: "@heapgraph/snapshot depends on no other heapgraph package.",
      from: { path: src("snapshot") },
      to: { path: anyOf(["graph", "render", "notebook", "heapgraph"]) },
    },
    {
      name: "graph-below-render",
      severity: "error",
      comment: "@heapgraph/graph depends only on @heapgraph/snapshot among the heapgraph packages.",
      from: { path: src("graph") },
      to: { path: anyOf(["render", "notebook", "heapgraph"]) },
    },
    {
      name: "render-below-notebook",
      severity: "error",
      comment: "@heapgraph/render never depends on the notebook glue or the umbrella package.",
      from: { path: src("render") },
      to: { path: anyOf(["notebook", "heapgraph"]) },
    },
    {
      name: "notebook-below-heapgraph",
      severity: "error",
      comment: "@heapgraph/notebook never depends on the umbrella package.",
      from: { path: src("notebook") },
      to: { path: anyOf(["heapgraph"]) },
    },
    // graph and render are pure: they run unchanged anywhere and never touch the runtime.
    {
      name: "pure-packages-use-no-runtime",
      severity: "error",
      comment: "graph and render import no node: builtins, no WebSocket library and no runtime-specific module.",
      from: { path: `^packages/(graph|render)/src/` },
      to: {
        dependencyTypes: ["core"],
      },
    },
    {
      name: "pure-packages-use-no-runtime-libraries",
      severity: "error",
      comment: "graph and render import no runtime-bound library (ws, bun:, npm: specifiers).",
      from: { path: `^packages/(graph|render)/src/` },
      to: { path: "(^|/)node_modules/(ws|undici)/|^bun:|^npm:" },
    },
    {
      name: "pure-packages-take-only-types-from-snapshot",
      severity: "error",
      comment:
        "graph and render take values from @heapgraph/snapshot only through its pure `/errors` entry; its main entry " +
        "(files, inspector, runtimes) is for types only, so a browser bundle of graph or render stays free of runtime code.",
      from: { path: `^packages/(graph|render|notebook)/src/` },
      to: { path: "^packages/snapshot/src/index\\.ts$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "snapshot-errors-are-pure",
      severity: "error",
      comment: "@heapgraph/snapshot/errors is imported by the pure packages: no runtime APIs there.",
      from: { path: `${src("snapshot")}errors/` },
      to: { dependencyTypes: ["core"] },
    },
    // Inside graph: queries reach the engine through its one public face.
    {
      name: "queries-use-the-engine-api",
      severity: "error",
      comment:
        "A query imports the engine only through src/engine/index.ts, never an engine file: the engine owns its indexes " +
        "and may change its layout.",
      from: { path: `${src("graph")}queries/` },
      to: { path: `${src("graph")}engine/`, pathNot: `${src("graph")}engine/index\\.ts$` },
    },
    {
      name: "queries-read-no-parser-columns",
      severity: "error",
      comment:
        "A query never imports the parser's model (@heapgraph/snapshot's columns); the engine's API is what it reads. " +
        "Only the queries' shared option and error helpers use @heapgraph/snapshot (its error base and zod helper).",
      from: { path: `${src("graph")}queries/`, pathNot: `${src("graph")}queries/shared/` },
      to: { path: anyOf(["snapshot"]) },
    },
    {
      name: "engine-knows-no-queries",
      severity: "error",
      comment: "The engine never imports a query: queries are built on it, not the other way round.",
      from: { path: `${src("graph")}engine/` },
      to: { path: `${src("graph")}queries/` },
    },
    // Inside snapshot: the data flows acquire -> read -> model, and write reads only the model.
    {
      name: "snapshot-model-is-plain-data",
      severity: "error",
      comment: "The columnar model depends on nothing but itself and the error base.",
      from: { path: `${src("snapshot")}model/` },
      to: { path: `${src("snapshot")}(read|write|acquire)/` },
    },
    {
      name: "reading-needs-no-acquisition",
      severity: "error",
      comment: "Readers turn bytes into the model; they never capture or write.",
      from: { path: `${src("snapshot")}read/` },
      to: { path: `${src("snapshot")}(acquire|write)/` },
    },
    {
      name: "writing-needs-no-acquisition",
      severity: "error",
      comment: "The writer turns the model into bytes; it never captures or reads.",
      from: { path: `${src("snapshot")}write/` },
      to: { path: `${src("snapshot")}(acquire|read)/` },
    },
    // Inside heapgraph: the MCP server is a sibling of the command, not a part of it.
    {
      name: "mcp-imports-no-cli-or-live",
      severity: "error",
      comment:
        "heapgraph's MCP server (src/mcp/) uses the engine, render, snapshot and the neutral folders (files/, json/, capture/), " +
        "never the command line (cli/), the live API (live/) or the pages (web/): what both need moves to a neutral folder.",
      from: { path: `${src("heapgraph")}mcp/` },
      to: { path: `${src("heapgraph")}(cli|live|web)/` },
    },
    // Inside heapgraph: a page's browser code (web/**/page/) is bundled for the browser.
    {
      name: "pages-take-only-types-from-the-server",
      severity: "error",
      comment:
        "Browser code of the local pages (src/web/**/page/) imports no node: builtins and takes only types from the " +
        "server side (web/, cli/, the heapgraph packages): a value import would bundle server code into the page.",
      from: { path: `${src("heapgraph")}web/.+/page/` },
      to: {
        pathNot: `${src("heapgraph")}web/.+/page/|(^|/)node_modules/`,
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "pages-use-no-runtime",
      severity: "error",
      comment: "Browser code of the local pages (src/web/**/page/) runs in the browser: no node: builtins.",
      from: { path: `${src("heapgraph")}web/.+/page/` },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "index-cache-needs-no-parsing",
      severity: "error",
      comment: "The index cache file stores images of analysed graphs; it never parses snapshots or captures them.",
      from: { path: `${src("snapshot")}cache/` },
      to: { path: `${src("snapshot")}(read|acquire)/` },
    },
    {
      name: "sources-import-no-tests",
      severity: "error",
      comment: "Published sources never import test code or the test kit.",
      from: { path: "^packages/[^/]+/src/" },
      to: { path: "^(testkit/|packages/[^/]+/test/)" },
    },
  ],
  options: {
    // Sources only (tests and build output are not layered); packages from npm are seen but not followed.
    exclude: { path: "(^|/)dist/|^packages/[^/]+/(test|bench)/|\\.d\\.ts$" },
    doNotFollow: { path: "(^|/)node_modules/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["@heapgraph/source", "import", "default"],
      extensions: [".ts", ".js", ".mjs", ".d.ts"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
