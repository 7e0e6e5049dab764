/**
 * `heapgraph explore FILE [FILE2 [FILE3]]`: a local page over one snapshot, a comparison of two,
 * or a leak run of three — DevTools' Summary, Comparison and Retainers, and the interactive
 * reference graph.
 *
 * @module
 */
import { basename } from "node:path";
import { untilStopped } from "../../web/until-stopped.ts";
import { WebError } from "../../web/web-error.ts";
import { CliError } from "../cli-error.ts";
import { defineCommand } from "../command.ts";
import { optionalCountFlag, textFlag } from "../flags.ts";
import { loadGraph } from "../load-graph.ts";

/**
 * `explore FILE [FILE2 [FILE3]] [--port P] [--host H]`. Loads the files (progress bar on a
 * terminal), serves the page on 127.0.0.1, prints its URL (with the token) and runs until Ctrl-C
 * or SIGTERM. JSON (`--json`): `{ event: "listening", url, files }` when ready, `{ event: "stopped", signal }` at the end.
 *
 * @example
 * ```ts
 * await main(["explore", "before.heapsnapshot", "after.heapsnapshot", "--port", "8080"]);
 * ```
 */
export const exploreCommand = defineCommand({
  name: "explore",
  summary: "a local page over one snapshot (or a comparison of two, or a leak run of three): tables, retainers and the interactive graph",
  positionals: ["FILE", "[FILE2]", "[FILE3]"],
  usage: "FILE [FILE2 [FILE3]] [--port P] [--host H]",
  options: {
    port: optionalCountFlag("P", "port of the page (default: a free one)", { min: 1, max: 65535 }),
    host: textFlag("H", "address to listen on (default 127.0.0.1; anything else is reachable from other machines: a warning is printed)"),
  },
  details: `
Serves a page on this machine only (127.0.0.1) and prints its address, which carries a random
token: the page and its data answer nobody without it. Open it in a browser; Ctrl-C stops.

The page has DevTools' views where users know them: the Summary by class (count, shallow and
retained size; click a heading to sort, type to filter), and for a selected class its objects;
for a selected object its Retainers (expand a row for the next holders) and the reference graph,
drawn with the chain from the root highlighted: click a node to add what holds it, shift-click
for what it holds (at most 10 at a time, objgraph's tooMany), drag to pan, scroll to zoom.

With two files, the Comparison view of the second with the first (with three, of the final
with the baseline): new and deleted objects and the size delta per class, by heap id, and the
holders that grew. Ids compare only between snapshots of one inspector connection; otherwise
(and for Bun) it shows class counts only and says why. With three files (baseline, target,
final) also the Leaks view: what leaked, headed by the holder that grew, as heapgraph leaks
reports it.`,
  examples: ["heapgraph explore app.heapsnapshot", "heapgraph explore before.heapsnapshot after.heapsnapshot", "heapgraph explore baseline.heapsnapshot target.heapsnapshot final.heapsnapshot --port 8080"],
  async run(args, ctx) {
    const paths = args.positionals;
    const files = [];
    for (const [index, path] of paths.entries()) files.push({ name: basename(path), graph: await loadGraph(path, ctx, { index, count: paths.length }) });
    // The views' dominator work happens now, not on the page's first request.
    ctx.progress.update("retained sizes", null);
    for (const { graph } of files) graph.classStats();
    let server;
    try {
      // Loaded here: the server library is only for the commands that serve pages.
      const [{ exploreApp }, { startWebServer }] = await Promise.all([import("../../web/explore/explore-app.ts"), import("../../web/start-web-server.ts")]);
      server = await startWebServer({ app: exploreApp({ files }), ...(args.values.host ? { host: args.values.host } : {}), ...(args.values.port ? { port: args.values.port } : {}) });
    } catch (error) {
      if (error instanceof WebError) throw new CliError("USAGE", `explore: ${error.message}`, { cause: error });
      throw error;
    }
    ctx.progress.clear();
    if (server.warning) ctx.io.err(`heapgraph: warning: ${server.warning}\n`);
    if (ctx.json) ctx.io.out(`${JSON.stringify({ event: "listening", url: server.url, files: paths })}\n`);
    else ctx.io.out(`heapgraph explore: open ${server.url}\n(Ctrl-C stops)\n`);
    const signal = await untilStopped();
    await server.close();
    if (ctx.json) ctx.io.out(`${JSON.stringify({ event: "stopped", signal })}\n`);
  },
});
