#!/usr/bin/env node
// Executes notebooks headless in real Jupyter, checks them, and exports them to HTML.
//
//   node scripts/run-notebooks.mjs [--out DIR] [--cell-timeout SECONDS] [NOTEBOOK.ipynb | DIR]...
//
// With no path: every notebooks/*.ipynb. For each notebook:
//   1. `jupyter nbconvert --to notebook --execute` on the kernel its metadata names (tslab when
//      it names none; the kernels are set up by scripts/setup-notebook-kernel.mjs, project-local).
//      On Deno's kernel, which can publish a cell's last outputs after reporting it idle, the
//      cells run through scripts/ordered_execute.py, which puts an ordering barrier after each
//      cell and keeps those outputs with their cell;
//   2. fails if a cell errored (and says which cell, with its output), if a code cell has no
//      output (unless it is tagged `no-output`), or if an output has an error;
//   3. `jupyter nbconvert --to html` of the executed notebook; fails if the HTML has an XML
//      declaration, fewer inline `<svg>` than `metadata.heapgraph.svgs`, or misses a string of
//      `metadata.heapgraph.expect`.
// With --out, the HTML pages (and an index.html) are written there, ready to publish.
// Exits non-zero if any notebook failed. Every process is killed at its time limit, and the
// kernels of a run are found and killed by their private runtime directory.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { setupNotebookKernel } from "./setup-notebook-kernel.mjs";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const DEFAULT_KERNEL = "tslab";
/**
 * Kernels whose outputs can reach the client after the cell's `idle` (Deno 2.9's kernel
 * publishes its REPL thread's output queue in a loop of its own): executed with
 * scripts/ordered_execute.py's preprocessor instead of `--execute`.
 */
const ORDERED_KERNELS = new Set(["deno"]);
const NO_OUTPUT_TAG = "no-output";

/**
 * Runs, checks and exports notebooks. Never throws for a bad notebook: its problems are in the result.
 * @param {{ paths?: string[], outDir?: string, cellTimeoutSeconds?: number, log?: (line: string) => void }} [options]
 * @returns {Promise<import("./run-notebooks.d.mts").NotebookResult[]>}
 */
export async function runNotebooks(options = {}) {
  const log = options.log ?? ((line) => console.log(line));
  const cellTimeout = options.cellTimeoutSeconds ?? 300;
  const notebooks = findNotebooks(options.paths?.length ? options.paths : [join(root, "notebooks")]);
  if (notebooks.length === 0) throw new Error(`run-notebooks: no .ipynb found in ${(options.paths ?? ["notebooks"]).join(", ")}`);
  const setup = setupNotebookKernel({ quiet: true });
  const outDir = options.outDir ? resolve(options.outDir) : null;
  if (outDir) mkdirSync(outDir, { recursive: true });

  const results = [];
  for (const notebook of notebooks) {
    const started = Date.now();
    const work = mkdtempSync(join(tmpdir(), "heapgraph-notebook-"));
    try {
      const result = await runOne(notebook, { work, outDir, setup, cellTimeout });
      result.seconds = (Date.now() - started) / 1000;
      results.push(result);
      const name = relative(root, notebook);
      if (result.ok) log(`ok    ${name} (${result.kernel}, ${result.seconds.toFixed(1)} s)${outDir ? ` -> ${relative(root, result.htmlFile)}` : ""}`);
      else log(`FAIL  ${name} (${result.kernel}, ${result.seconds.toFixed(1)} s)\n${result.problems.map((p) => indent(p)).join("\n")}`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  if (outDir) writeIndex(outDir, results);
  return results;
}

async function runOne(notebook, { work, outDir, setup, cellTimeout }) {
  const stem = basename(notebook, ".ipynb");
  const source = JSON.parse(readFileSync(notebook, "utf8"));
  const kernel = source.metadata?.kernelspec?.name ?? DEFAULT_KERNEL;
  const expect = source.metadata?.heapgraph ?? {};
  const result = { notebook, kernel, ok: false, problems: [], html: null, htmlFile: null, executed: null, seconds: 0 };
  if (!setup.kernels.includes(kernel)) {
    result.problems.push(`the notebook asks for kernel "${kernel}"; the project provides ${setup.kernels.join(", ")}`);
    return result;
  }
  const codeCells = (source.cells ?? []).filter((c) => c.cell_type === "code");
  const runtimeDir = join(work, "runtime");
  mkdirSync(runtimeDir);
  const env = {
    ...process.env,
    ...setup.env,
    JUPYTER_RUNTIME_DIR: runtimeDir,
    PYDEVD_DISABLE_FILE_VALIDATION: "1",
    // scripts/ordered_execute.py is imported from here; no __pycache__ left in the checkout.
    PYTHONPATH: [join(root, "scripts"), process.env.PYTHONPATH].filter(Boolean).join(delimiter),
    PYTHONDONTWRITEBYTECODE: "1",
    NO_COLOR: "1",
    FORCE_COLOR: "0",
  };
  const nbconvert = (args, limitMs) => runProcess(setup.python, ["-Xfrozen_modules=off", "-m", "nbconvert", ...args], { env, limitMs, runtimeDir });
  const execute = ORDERED_KERNELS.has(kernel)
    ? ["--NotebookExporter.preprocessors=ordered_execute.OrderedExecutePreprocessor", "--OrderedExecutePreprocessor.enabled=True"]
    : ["--execute"];
  const executeArgs = (allowErrors) => [
    "--to", "notebook", ...execute,
    `--ExecutePreprocessor.kernel_name=${kernel}`,
    `--ExecutePreprocessor.timeout=${cellTimeout}`,
    "--ExecutePreprocessor.startup_timeout=120",
    ...(allowErrors ? ["--allow-errors"] : []),
    "--output-dir", work, "--output", `executed-${stem}`, notebook,
  ];
  const limitMs = (cellTimeout * Math.max(1, codeCells.length) + 180) * 1000;

  // 1. Execute, stopping at the first failing cell.
  const run = await nbconvert(executeArgs(false), limitMs);
  const executedFile = join(work, `executed-${stem}.ipynb`);
  if (run.code !== 0 || !existsSync(executedFile)) {
    result.problems.push(await describeFailure(run, source, () => nbconvert(executeArgs(true), limitMs), executedFile));
    return result;
  }
  const executed = JSON.parse(readFileSync(executedFile, "utf8"));
  result.executed = executed;
  numberCells(executed, executedFile);

  // 2. Every code cell ran and said something.
  executed.cells.forEach((cell, index) => {
    if (cell.cell_type !== "code" || joinText(cell.source).trim() === "") return;
    const tags = cell.metadata?.tags ?? [];
    const outputs = cell.outputs ?? [];
    for (const o of outputs) {
      if (o.output_type === "error") result.problems.push(`cell ${index + 1} has an error output: ${o.ename}: ${o.evalue}`);
    }
    if (outputs.length === 0 && !tags.includes(NO_OUTPUT_TAG)) {
      result.problems.push(`cell ${index + 1} produced no output (tag it "${NO_OUTPUT_TAG}" if that is intended):\n${indent(firstLines(joinText(cell.source)))}`);
    }
  });

  // 3. HTML export, and what it must contain.
  const htmlDir = outDir ?? work;
  const html = await nbconvert(["--to", "html", "--output-dir", htmlDir, "--output", stem, executedFile], 180_000);
  const htmlFile = join(htmlDir, `${stem}.html`);
  if (html.code !== 0 || !existsSync(htmlFile)) {
    result.problems.push(`nbconvert --to html failed (${exitText(html)}):\n${indent(tail(html.output))}`);
    return result;
  }
  const page = readFileSync(htmlFile, "utf8");
  result.html = page;
  result.htmlFile = htmlFile;
  if (/<\?xml/i.test(page)) result.problems.push("the HTML has an XML declaration: an SVG was published without stripXmlProlog/svgGraph");
  const svgs = countInlineSvgs(page);
  if (typeof expect.svgs === "number" && svgs < expect.svgs) {
    result.problems.push(`the HTML has ${svgs} inline <svg> graphs; metadata.heapgraph.svgs asks for at least ${expect.svgs}`);
  }
  for (const text of expect.expect ?? []) {
    if (!page.includes(text)) result.problems.push(`the HTML does not contain ${JSON.stringify(text)} (metadata.heapgraph.expect)`);
  }
  result.ok = result.problems.length === 0;
  return result;
}

/** Which cell failed and what it printed: nbconvert names the cell by its source; a second run with --allow-errors keeps the outputs. */
async function describeFailure(run, source, rerun, executedFile) {
  const timedOut = /CellTimeoutError|Timeout waiting for execute reply/.test(run.output);
  const match = /An error occurred while executing the following cell:\n-+\n([\s\S]*?)\n-+\n/.exec(run.output)
    ?? /Here is a preview of the cell contents:\n-+\n([\s\S]*?)\n-+\n/.exec(run.output);
  const cells = source.cells ?? [];
  let index = -1;
  if (match) {
    const failing = match[1].trim();
    index = cells.findIndex((c) => c.cell_type === "code" && joinText(c.source).trim() === failing);
    if (index < 0) index = cells.findIndex((c) => c.cell_type === "code" && joinText(c.source).trim().startsWith(failing.split("\n")[0]));
  }
  if (index < 0) return `nbconvert --execute failed (${exitText(run)}) before or outside any cell:\n${indent(tail(run.output))}`;
  const cell = cells[index];
  let said = "";
  if (!timedOut) {
    const again = await rerun();
    if (again.code === 0 && existsSync(executedFile)) {
      const outputs = JSON.parse(readFileSync(executedFile, "utf8")).cells[index]?.outputs ?? [];
      said = outputs.map(outputText).filter(Boolean).join("\n");
    }
    if (!said) said = tail(run.output);
  }
  const why = timedOut ? "timed out" : "failed";
  return `cell ${index + 1} ${why}:\n${indent(firstLines(joinText(cell.source)))}${said ? `\n  output:\n${indent(tail(said, 40), 4)}` : ""}`;
}

/**
 * tslab leaves `execution_count` empty (it sends no `execute_input`), so the HTML would show
 * `In [ ]` everywhere. The cells did run, in order: number them as Jupyter would have.
 */
function numberCells(executed, file) {
  const code = executed.cells.filter((c) => c.cell_type === "code" && joinText(c.source).trim() !== "");
  if (code.length === 0 || code.some((c) => c.execution_count != null)) return;
  code.forEach((cell, i) => {
    cell.execution_count = i + 1;
    for (const o of cell.outputs ?? []) if (o.output_type === "execute_result") o.execution_count = i + 1;
  });
  writeFileSync(file, JSON.stringify(executed, null, 1) + "\n");
}

/** Inline `<svg` elements in the page's output area (the template's own icons are data: URLs). */
function countInlineSvgs(page) {
  return (page.match(/<svg[\s>]/gi) ?? []).length;
}

function outputText(o) {
  if (o.output_type === "stream") return joinText(o.text);
  if (o.output_type === "error") return `${o.ename}: ${o.evalue}`;
  const data = o.data ?? {};
  return joinText(data["text/plain"] ?? "");
}

function findNotebooks(paths) {
  const found = [];
  for (const p of paths.map((x) => resolve(x))) {
    if (!existsSync(p)) throw new Error(`run-notebooks: ${p} does not exist`);
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) if (name.endsWith(".ipynb")) found.push(join(p, name));
    } else {
      found.push(p);
    }
  }
  return found;
}

function writeIndex(outDir, results) {
  const items = results
    .filter((r) => r.htmlFile)
    .map((r) => {
      const title = notebookTitle(r.executed) ?? basename(r.notebook, ".ipynb");
      return `<li><a href="${encodeURI(basename(r.htmlFile))}">${escapeHtml(title)}</a>${r.ok ? "" : " (failed its checks)"}</li>`;
    });
  writeFileSync(
    join(outDir, "index.html"),
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>heapgraph notebooks</title></head>\n<body><h1>heapgraph notebooks</h1>\n<ul>\n${items.join("\n")}\n</ul></body></html>\n`,
  );
}

function notebookTitle(nb) {
  for (const cell of nb?.cells ?? []) {
    if (cell.cell_type !== "markdown") continue;
    const heading = /^#\s+(.+)$/m.exec(joinText(cell.source));
    if (heading) return heading[1].trim();
  }
  return null;
}

/**
 * Runs a process in its own group; kills the group, and any kernel started under the run's
 * private runtime directory, when it ends or at its time limit.
 */
function runProcess(command, args, { env, limitMs, runtimeDir }) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, limitMs);
    const finish = (code, signal, error) => {
      clearTimeout(timer);
      killGroup(child.pid);
      killKernels(runtimeDir);
      if (error) output += `\n${error.message}`;
      if (timedOut) output += `\n[run-notebooks] killed after ${limitMs / 1000} s`;
      done({ code: code ?? 1, signal, timedOut, output: output.replace(/\x1b\[[0-9;]*m/g, "") });
    };
    child.on("error", (error) => finish(null, null, error));
    child.on("close", (code, signal) => finish(code, signal, null));
  });
}

function killGroup(pid) {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/**
 * Jupyter starts kernels in a session of their own, so killing nbconvert's group misses them.
 * Every kernel of this run has its connection file in `runtimeDir`, which is on its command
 * line: kill exactly those processes (Linux /proc; elsewhere nbconvert's own shutdown is relied on).
 */
function killKernels(runtimeDir) {
  if (!existsSync("/proc")) return;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    let cmdline;
    try {
      cmdline = readFileSync(`/proc/${name}/cmdline`, "utf8");
    } catch {
      continue;
    }
    if (cmdline.split("\0").some((arg) => arg.startsWith(runtimeDir))) {
      try {
        process.kill(Number(name), "SIGKILL");
      } catch {
        // gone meanwhile
      }
    }
  }
}

function joinText(text) {
  return Array.isArray(text) ? text.join("") : (text ?? "");
}

function firstLines(text, n = 8) {
  const lines = text.split("\n");
  return lines.length > n ? [...lines.slice(0, n), `… (${lines.length - n} more lines)`].join("\n") : text;
}

function tail(text, n = 25) {
  const lines = text.replace(/\s+$/, "").split("\n");
  return lines.slice(-n).join("\n");
}

function indent(text, spaces = 2) {
  return text.split("\n").map((l) => " ".repeat(spaces) + l).join("\n");
}

function exitText(run) {
  return run.timedOut ? "timed out" : `exit ${run.code}${run.signal ? `, ${run.signal}` : ""}`;
}

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function parseArgs(argv) {
  const out = { paths: [], outDir: undefined, cellTimeoutSeconds: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i] ?? usage(`${a} needs a value`);
    if (a === "--out") out.outDir = value();
    else if (a === "--cell-timeout") out.cellTimeoutSeconds = Number(value()) || usage("--cell-timeout takes seconds");
    else if (a.startsWith("--")) usage(`unknown option ${a}`);
    else out.paths.push(a);
  }
  return out;
}

function usage(message) {
  console.error(`run-notebooks: ${message}\nusage: node scripts/run-notebooks.mjs [--out DIR] [--cell-timeout SECONDS] [NOTEBOOK.ipynb | DIR]...`);
  process.exit(2);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  try {
    const results = await runNotebooks(args);
    const failed = results.filter((r) => !r.ok);
    console.log(`notebooks: ${results.length - failed.length} passed, ${failed.length} failed`);
    process.exit(failed.length ? 1 : 0);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
