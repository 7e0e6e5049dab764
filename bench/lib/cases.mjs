// What is measured: one case = one tool doing one task, each run in a fresh process.

/**
 * `group` says which heapgraph case a peer is compared with: `parse` peers against
 * heapgraph's parse, `full` peers against heapgraph's full analysis.
 */
export const CASES = [
  { id: "byte-scan", tool: "byte-scan", task: "parse", label: "byte-scan floor", group: "parse" },
  { id: "heapgraph-parse", tool: "heapgraph", task: "parse", label: "heapgraph parse", group: "parse", ours: true },
  { id: "heapgraph-parse-threads", tool: "heapgraph", task: "parse-threads", label: "heapgraph parse, 2 threads", group: "parse", ours: true },
  { id: "json-parse", tool: "json-parse", task: "parse", label: "JSON.parse", group: "parse" },
  { id: "v8-heapsnapshot", tool: "v8-heapsnapshot", task: "parse", label: "v8-heapsnapshot", group: "parse" },
  { id: "heapgraph-full", tool: "heapgraph", task: "full", label: "heapgraph full analysis", group: "full", ours: true },
  { id: "heapgraph-full-threads", tool: "heapgraph", task: "full-threads", label: "heapgraph full analysis, 2 threads", group: "full", ours: true },
  { id: "devtools", tool: "devtools", task: "full", label: "DevTools worker", group: "full" },
  { id: "memlab", tool: "memlab", task: "full", label: "memlab full load", group: "full" },
  { id: "vscode-heap-parser", tool: "vscode-heap-parser", task: "full", label: "@vscode/v8-heap-parser (WebAssembly) class groups", group: "full" },
  { id: "heapgraph-cli-cold", tool: "heapgraph-cli", task: "cold", label: "heapgraph summary --json --no-cache (whole process)", group: "cache", ours: true },
  { id: "heapgraph-cli-warm", tool: "heapgraph-cli", task: "warm", label: "heapgraph summary --json, second run from the index cache (whole process)", group: "cache", ours: true },
  { id: "heapgraph-path", tool: "heapgraph", task: "path", label: "heapgraph pathToRoot", group: "query", ours: true },
  { id: "heapgraph-backrefs", tool: "heapgraph", task: "backrefs", label: "heapgraph backrefs → SVG", group: "query", ours: true },
];

export const caseById = (id) => CASES.find((c) => c.id === id);
