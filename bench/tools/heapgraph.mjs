// heapgraph's own packages, imported from their built dist through the repository's
// workspace links. Tasks:
//   parse     readSnapshot
//   parse-threads  readSnapshot on two threads: the parse worker started first (as the CLI does with
//             HEAPGRAPH_THREADS=2),
//             the edges section read by it into shared memory while this thread reads the rest
//   full      parse + index + retainers + classes + distances + dominators + retained sizes
//             (+ detachedness and shallow sizes, which DevTools also computes on load)
//   full-threads  the same on two threads: the file read onto shared memory (its worker started
//             meanwhile, as the CLI does by default on two cores), then retainers (the first phase,
//             which posts the dominator job to the worker) and class stats (classes, shallow sizes and
//             distances here meanwhile); `extra.dominatorsBy` says which thread computed the dominators
//   path      parse + index + distances, then pathToRoot from the deepest object (cold, then warm)
//   backrefs  parse + index + distances, then a backrefs graph of ~200 nodes from a deep
//             object, toDot, renderSvg
// A function that does not exist yet is reported as "not available yet", not a crash.
//
// HEAPGRAPH_BENCH_READER=json reads with JSON.parse + snapshotFromJson instead of
// readSnapshot: only to try the engine rows before readSnapshot exists (the result is
// marked, and JSON.parse cannot read files past ~512 MB).
import { readFileSync } from "node:fs";
import { NotAvailable, runWorker } from "./worker.mjs";
import { exported } from "./heapgraph-exports.mjs";
import { deepestObject, objectsAcrossDepths } from "./heapgraph-target.mjs";

const BACKREFS_TARGET_NODES = 200;
const BACKREFS_TOO_MANY = 10;
const BACKREFS_MAX_DEPTH = 30;
/** Start candidates per distance level, deepest level first (many deep objects sit in thin chains). */
const BACKREFS_CANDIDATES_PER_LEVEL = 20;
/** Depth at which candidates are compared. */
const BACKREFS_PROBE_DEPTH = 10;

/** Calls `graph[method]()`, or throws NotAvailable when the engine has no such method yet. */
function call(graph, method) {
  if (typeof graph[method] !== "function") throw new NotAvailable(`HeapGraph.${method}() is missing`);
  return graph[method]();
}

const viaJson = process.env.HEAPGRAPH_BENCH_READER === "json";

/** The reader under test: readSnapshot, or (HEAPGRAPH_BENCH_READER=json) JSON.parse + snapshotFromJson. */
function reader() {
  if (!viaJson) return exported("snapshot", "readSnapshot");
  const snapshotFromJson = exported("snapshot", "snapshotFromJson");
  return (file) => snapshotFromJson(JSON.parse(readFileSync(file, "utf8")));
}

async function parseAndIndex(file, clock) {
  const read = reader();
  const buildGraph = exported("graph", "buildGraph");
  const snapshot = await clock.time("parse", () => read(file));
  const graph = await clock.time("index", () => buildGraph(snapshot));
  return graph;
}

const counts = (graph) => ({ nodes: graph.nodeCount, edges: graph.edgeCount, ...(viaJson ? { reader: "JSON.parse + snapshotFromJson" } : {}) });

/** The engine's lazy phases in the order they build on each other; `optional` ones are timed when the engine has them. */
const FULL_PHASES = [
  { name: "retainers", method: "retainers" },
  { name: "detachedness", method: "detachedness", optional: true },
  { name: "classes", method: "classes" },
  { name: "shallow sizes", method: "selfSizes", optional: true },
  { name: "distances", method: "distances" },
  { name: "dominators", method: "dominators" },
  { name: "retained sizes", method: "retainedSizes" },
];

await runWorker({
  async parse(file, clock) {
    const read = reader();
    const snapshot = await clock.time("parse", () => read(file));
    return { nodes: snapshot.nodeCount, edges: snapshot.edgeCount, ...(viaJson ? { reader: "JSON.parse + snapshotFromJson" } : {}) };
  },

  async "parse-threads"(file, clock) {
    const readSnapshot = exported("snapshot", "readSnapshot");
    let createParseWorkers;
    try {
      ({ createParseWorkers } = await import("../../packages/heapgraph/dist/parallel/parse-workers.js"));
    } catch (err) {
      throw new NotAvailable(`heapgraph's dist has no parallel/parse-workers.js (${err.message})`);
    }
    // minBytes 0: every size is measured on two threads (the CLI keeps files below PARALLEL_PARSE_MIN_BYTES, 100 MB, on one).
    const parallel = createParseWorkers({ minBytes: 0 });
    if (!parallel.start()) throw new NotAvailable("the parse worker cannot start here");
    let answered = null;
    const watch = (answer) => answer && answer.then((result) => ((answered = result), result));
    const snapshot = await clock.time("parse", () => readSnapshot(file, { parallel: { minBytes: 0, post: (job) => watch(parallel.post(job)) } }));
    parallel.close();
    return { nodes: snapshot.nodeCount, edges: snapshot.edgeCount, extra: { edgesOnWorker: answered !== null && answered.failed === null } };
  },

  async full(file, clock) {
    const graph = await parseAndIndex(file, clock);
    for (const phase of FULL_PHASES) {
      if (phase.optional && typeof graph[phase.method] !== "function") continue;
      await clock.time(phase.name, () => call(graph, phase.method));
    }
    return counts(graph);
  },

  async "full-threads"(file, clock) {
    const readSnapshot = exported("snapshot", "readSnapshot");
    const buildGraph = exported("graph", "buildGraph");
    let workers;
    try {
      ({ createPhaseWorkers: workers } = await import("../../packages/heapgraph/dist/parallel/phase-workers.js"));
    } catch (err) {
      throw new NotAvailable(`heapgraph's dist has no parallel/phase-workers.js (${err.message})`);
    }
    const processWorkers = workers();
    let job;
    const parallel = { minEdges: processWorkers.minEdges, post: (message) => ((job = message), processWorkers.post(message)) };
    const shared = processWorkers.prepare(file);
    const snapshot = await clock.time("parse", () => readSnapshot(file, { sharedMemory: shared }));
    const graph = await clock.time("index", () => buildGraph(snapshot, { parallel }));
    await clock.time("retainers", () => graph.retainers());
    // classes, shallow sizes and distances here while the worker computes the dominators; then retained sizes, class stats.
    await clock.time("analysis", () => graph.classStats());
    // The job's state word: 2 the worker computed it, 4 this thread took it back (the worker was not ready).
    const state = job ? Atomics.load(job.control, 0) : null;
    return { ...counts(graph), extra: { shared, dominatorsBy: state === 2 ? "worker" : state === 4 ? "main thread" : state === null ? "not posted" : `state ${state}` } };
  },

  async path(file, clock) {
    const pathToRoot = exported("graph", "pathToRoot");
    const graph = await parseAndIndex(file, clock);
    const target = await clock.time("distances", () => deepestObject(graph, call(graph, "distances")));
    // The first call includes the lazy indexes it builds; the second is the warm query.
    const path = await clock.time("pathToRoot", () => pathToRoot(graph, graph.node(target)));
    await clock.time("pathToRoot warm", () => pathToRoot(graph, graph.node(target)));
    const steps = path?.steps?.length ?? (Array.isArray(path) ? path.length : null);
    return { ...counts(graph), extra: { target, distance: graph.distances()[target], pathSteps: steps, found: path?.found ?? null } };
  },

  async backrefs(file, clock) {
    const backrefs = exported("graph", "backrefs");
    const graph = await parseAndIndex(file, clock);
    const candidates = await clock.time("distances", () => objectsAcrossDepths(graph, call(graph, "distances"), BACKREFS_CANDIDATES_PER_LEVEL));
    const options = (maxDepth) => ({ maxDepth, tooMany: BACKREFS_TOO_MANY });
    // The first call builds whatever lazy indexes backrefs needs; timed on its own.
    await clock.time("backrefs first call", () => backrefs(graph, [graph.node(candidates[0])], options(3)));
    // The deepest start whose backrefs reach ~200 nodes (else the one reaching most), at the
    // smallest depth that does; then that query again, timed as "backrefs".
    let target = candidates[0];
    let maxDepth = 1;
    let selection;
    await clock.time("choose start and depth", async () => {
      let most = -1;
      for (const candidate of candidates) {
        const probe = await backrefs(graph, [graph.node(candidate)], options(BACKREFS_PROBE_DEPTH));
        if (probe.nodes.length > most) [most, target] = [probe.nodes.length, candidate];
        if (most >= BACKREFS_TARGET_NODES) break;
      }
      selection = await backrefs(graph, [graph.node(target)], options(maxDepth));
      while (selection.nodes.length < BACKREFS_TARGET_NODES && selection.depthLimited > 0 && maxDepth < BACKREFS_MAX_DEPTH) {
        maxDepth++;
        selection = await backrefs(graph, [graph.node(target)], options(maxDepth));
      }
    });
    const start = [graph.node(target)];
    selection = await clock.time("backrefs", () => backrefs(graph, start, options(maxDepth)));
    const extra = {
      target,
      className: graph.className(target),
      distance: graph.distances()[target],
      maxDepth,
      selectionNodes: selection.nodes.length,
      selectionEdges: selection.edges.length,
    };
    // Looked up only now, so that the query is timed even while the renderer is missing.
    let toDot, renderSvg;
    try {
      toDot = exported("render", "toDot");
      renderSvg = exported("render", "renderSvg");
    } catch (err) {
      err.extra = extra;
      throw err;
    }
    const dot = await clock.time("toDot", () => toDot(selection));
    const svg = await clock.time("renderSvg", () => renderSvg(dot));
    return { ...counts(graph), extra: { ...extra, svgBytes: String(svg).length } };
  },
});
