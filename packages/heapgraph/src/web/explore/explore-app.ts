/**
 * The routes of `heapgraph explore`: its page and the JSON API the page calls (all behind
 * `startWebServer`'s token and Host checks).
 *
 * @module
 */
import { backrefs, chainSelection, pathToRoot, refs, type HeapGraph, type HeapNode, type Selection } from "@heapgraph/graph";
import { INTERACTIVE_GRAPH_SCRIPT, interactiveGraphData, type InteractiveGraphData } from "@heapgraph/render";
import type { Hono } from "hono";
import { z } from "zod";
import { apiError, apiQuery } from "../api-query.ts";
import { pageHtml } from "../page-html.ts";
import { provideWebAsset, serveWebAssets } from "../web-asset.ts";
import { webApp, type WebEnv } from "../web-env.ts";
import { classObjects, classRows, objectRow, retainerRows, type ClassRow } from "./explore-rows.ts";
import { comparisonView, leakView, type ComparisonView, type LeakView } from "./explore-views.ts";

/**
 * What `heapgraph explore` serves: one to three indexed snapshots and their names.
 *
 * @example
 * ```ts
 * const input: ExploreInput = { files: [{ name: "app.heapsnapshot", graph }] };
 * ```
 */
export interface ExploreInput {
  readonly files: readonly { readonly name: string; readonly graph: HeapGraph }[];
}

/**
 * The page's embedded data: the files, and which views the page offers.
 *
 * @example
 * ```ts
 * const data: ExplorePageData = { files: [{ name: "a.heapsnapshot", nodeCount: 1000, totalSize: 123456 }], comparison: false, leaks: false, tooMany: 10 };
 * ```
 */
export interface ExplorePageData {
  readonly files: readonly { name: string; nodeCount: number; totalSize: number; format: string }[];
  /** Two or more files: the Comparison view (of the last file with the first). */
  readonly comparison: boolean;
  /** Three files: the Leaks view. */
  readonly leaks: boolean;
  /** objgraph's `tooMany`: the most references one click adds to the graph. */
  readonly tooMany: number;
}

/** Default and largest `tooMany` of the graph's expand calls. */
const TOO_MANY = 10;
const MAX_TOO_MANY = 500;
const MAX_PAGE = 500;

const fileParam = z.coerce.number().int({ error: "a file number" }).min(0, { error: "a file number" }).default(0);
const idParam = z.coerce.number({ error: "a heap object id" }).int({ error: "a heap object id" }).nonnegative({ error: "a heap object id" });

/**
 * The explore app: `GET /` (the page), `/assets/*`, and the JSON API, every query checked with
 * zod (400 `{ error }` naming the parameter and its value; an id no object has is a 400 too):
 * - `/api/classes?file=F` → `ClassRow[]` (every class, largest retained size first);
 * - `/api/objects?file=F&class=C&offset=O&limit=L` → `{ total, objects: ObjectRow[] }`;
 * - `/api/object?file=F&id=ID` → `ObjectRow`;
 * - `/api/retainers?file=F&id=ID&limit=L` → `{ total, retainers: RetainerEdgeRow[] }` (one level);
 * - `/api/graph?file=F&id=ID` → `InteractiveGraphData`: the chain from the root, highlighted;
 * - `/api/refs?file=F&id=ID&tooMany=N`, `/api/backrefs?…` → `InteractiveGraphData`, one step;
 * - `/api/comparison` → `ComparisonView` of the last file with the first; `/api/leaks` → `LeakView` of three.
 * `F` is the file's position on the command line, from 0 (default 0).
 *
 * @example
 * ```ts
 * const server = await startWebServer({ app: exploreApp({ files: [{ name: "app.heapsnapshot", graph }] }) });
 * ```
 */
export function exploreApp(input: ExploreInput): Hono<WebEnv> {
  const { files } = input;
  provideWebAsset("graph.js", INTERACTIVE_GRAPH_SCRIPT);
  const app = webApp();
  serveWebAssets(app);
  const graphOf = (file: number): HeapGraph => {
    const entry = files[file];
    if (!entry) apiError(400, `file: no file number ${file} (there ${files.length === 1 ? "is 1 file" : `are ${files.length} files`}, numbered from 0)`);
    return entry.graph;
  };
  const nodeOf = (graph: HeapGraph, id: number): HeapNode => {
    const node = graph.nodeById(id);
    if (!node) apiError(400, `id: no object has id ${id} in this snapshot`);
    return node;
  };
  const classes = new Map<number, ClassRow[]>();
  let comparison: ComparisonView | undefined;
  let leaks: LeakView | undefined;

  app.get("/", (c) => {
    const data: ExplorePageData = {
      files: files.map(({ name, graph }) => ({ name, nodeCount: graph.nodeCount, totalSize: graph.retainedSizes()[graph.rootOrdinal]!, format: graph.snapshot.format })),
      comparison: files.length >= 2,
      leaks: files.length === 3,
      tooMany: TOO_MANY,
    };
    return c.html(
      pageHtml({ title: "heapgraph explore", nonce: c.get("secureHeadersNonce"), token: c.get("token"), scripts: ["graph.js", "explore.js"], styles: ["explore.css"], data }),
    );
  });

  app.get("/api/classes", (c) => {
    const { file } = apiQuery(c, z.object({ file: fileParam }));
    let rows = classes.get(file);
    if (!rows) classes.set(file, (rows = classRows(graphOf(file))));
    return c.json(rows);
  });

  app.get("/api/objects", (c) => {
    const q = apiQuery(
      c,
      z.object({
        file: fileParam,
        class: z.coerce.number().int().nonnegative({ error: "a class number" }),
        offset: z.coerce.number().int().nonnegative().default(0),
        limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
      }),
    );
    const graph = graphOf(q.file);
    if (q.class >= graph.classes().names.length) apiError(400, `class: no class number ${q.class} (there are ${graph.classes().names.length})`);
    return c.json(classObjects(graph, q.class, q.offset, q.limit));
  });

  app.get("/api/object", (c) => {
    const q = apiQuery(c, z.object({ file: fileParam, id: idParam }));
    const graph = graphOf(q.file);
    return c.json(objectRow(graph, nodeOf(graph, q.id).ordinal));
  });

  app.get("/api/retainers", (c) => {
    const q = apiQuery(c, z.object({ file: fileParam, id: idParam, limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(100) }));
    const graph = graphOf(q.file);
    return c.json(retainerRows(graph, nodeOf(graph, q.id).ordinal, q.limit));
  });

  app.get("/api/graph", (c) => {
    const q = apiQuery(c, z.object({ file: fileParam, id: idParam }));
    const graph = graphOf(q.file);
    return c.json(chainGraph(graph, nodeOf(graph, q.id)));
  });

  for (const direction of ["refs", "backrefs"] as const) {
    app.get(`/api/${direction}`, (c) => {
      const q = apiQuery(c, z.object({ file: fileParam, id: idParam, tooMany: z.coerce.number().int().min(1).max(MAX_TOO_MANY).default(TOO_MANY) }));
      const graph = graphOf(q.file);
      const node = nodeOf(graph, q.id);
      const options = { maxDepth: 1, tooMany: q.tooMany, cull: null };
      const selection = direction === "refs" ? refs(graph, node, options) : backrefs(graph, node, options);
      return c.json(interactiveGraphData(graph, selection, { neighbourhood: false, focus: q.id }));
    });
  }

  app.get("/api/comparison", (c) => {
    if (files.length < 2) apiError(404, "the comparison needs two snapshot files");
    // The first file with the last: before and after, or baseline and final of a leak run.
    const [first, last] = [files[0]!, files.at(-1)!];
    comparison ??= comparisonView(first.graph, last.graph, [first.name, last.name]);
    return c.json(comparison);
  });

  app.get("/api/leaks", (c) => {
    if (files.length !== 3) apiError(404, "the leak view needs three snapshot files");
    leaks ??= leakView(files[0]!.graph, files[1]!.graph, files[2]!.graph, files.map((f) => f.name));
    return c.json(leaks);
  });

  return app;
}

/**
 * The graph of an object for the page: its retaining chain from the root (highlighted), or its
 * referrers two steps back when nothing retains it.
 */
function chainGraph(graph: HeapGraph, node: HeapNode): InteractiveGraphData {
  const path = pathToRoot(graph, node);
  let selection: Selection;
  if (path.found && path.steps.length > 1) {
    selection = chainSelection(graph, path.steps.map((s) => graph.node(s.ordinal)));
  } else {
    selection = backrefs(graph, node, { maxDepth: 2, tooMany: TOO_MANY });
  }
  const highlight = path.found ? path.steps.map((s) => s.id) : [node.id];
  return interactiveGraphData(graph, selection, { highlight, focus: node.id, neighbourhood: false, title: `what keeps ${node.className} @${node.id} alive` });
}
