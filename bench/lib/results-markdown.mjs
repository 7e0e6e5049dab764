// Turns the raw results of a bench run into bench/RESULTS.md.
import { CASES, caseById } from "./cases.mjs";
import { formatBytes } from "./sizes.mjs";

const PARSE_FLOOR_TARGET = 1.5;
const FULL_TARGETS = { devtools: { speed: 4, memory: 0.5 }, memlab: { speed: 6, memory: 0.5 } };
const LOADED_ABOVE = 0.5; // 1-minute load average per core above which timings are flagged

export function formatSeconds(ms) {
  if (ms == null) return "–";
  const s = ms / 1000;
  if (s < 10) return `${s.toFixed(2)} s`;
  if (s < 100) return `${s.toFixed(1)} s`;
  return `${s.toFixed(0)} s`;
}

/** Short query times in milliseconds, longer ones in seconds. */
function formatMs(ms) {
  if (ms == null) return "–";
  return ms < 1000 ? `${ms < 10 ? ms.toFixed(1) : ms.toFixed(0)} ms` : formatSeconds(ms);
}

function formatRss(bytes) {
  if (bytes == null) return "–";
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(0)} MB`;
}

const formatCount = (n) => (n == null || Number.isNaN(n) ? "?" : n >= 1e6 ? `${(n / 1e6).toFixed(1)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(0)} k` : String(n));
const ratio = (x) => (x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(2));

/** "4.8x faster, 0.42x memory" comparing ours with a peer's summary. */
export function compare(ours, peer) {
  if (!ours?.ok || !peer?.ok) return "–";
  const speed = peer.ms / ours.ms;
  const time = speed >= 1 ? `${ratio(speed)}x faster` : `${ratio(1 / speed)}x slower`;
  const memory = ours.maxRssBytes && peer.maxRssBytes ? `, ${ratio(ours.maxRssBytes / peer.maxRssBytes)}x memory` : "";
  return time + memory;
}

/** A cell for the summary: "3.4 s, 0.51 GB", "fails", "not available yet". */
function cell(summary) {
  if (!summary) return "not run";
  if (summary.ok) return `${formatSeconds(summary.ms)}, ${formatRss(summary.maxRssBytes)}${summary.reader ? " (JSON reader)" : ""}`;
  if (summary.unavailable) return "not available yet";
  if (summary.skipped) return "skipped";
  return "fails";
}

const escapeCell = (text) => String(text).replace(/\|/g, "\\|").replace(/\n/g, " ");

function check(ok, text) {
  return `${ok ? "✓" : "✗"} ${text}`;
}

/**
 * What the full-analysis targets compare: the issue's measure, the CLI's `summary --json
 * --no-cache` as a whole process (Node's start, module loading and the cache-less analysis
 * included), when it was measured; else the library's full analysis.
 */
function targetFull(cases) {
  return cases["heapgraph-cli-cold"]?.ok ? cases["heapgraph-cli-cold"] : cases["heapgraph-full"];
}

function targetsRow(snap) {
  const c = snap.cases;
  const parse = c["heapgraph-parse"];
  const floor = c["byte-scan"];
  const full = targetFull(c);
  const cells = [];
  if (parse?.ok && floor?.ok) {
    const r = parse.ms / floor.ms;
    cells.push(check(r <= PARSE_FLOOR_TARGET, `${r.toFixed(2)}x floor${r > PARSE_FLOOR_TARGET ? ` (${Math.max(1, Math.round((r / PARSE_FLOOR_TARGET - 1) * 100))}% over the ${PARSE_FLOOR_TARGET}x target)` : ""}`));
  } else cells.push(parse && !parse.ok ? cell(parse) : "–");
  for (const [peerId, target] of Object.entries(FULL_TARGETS)) {
    const peer = c[peerId];
    if (full?.ok && peer?.ok) {
      const speed = peer.ms / full.ms;
      const memory = full.maxRssBytes / peer.maxRssBytes;
      cells.push(check(speed >= target.speed, `${ratio(speed)}x faster${speed < target.speed ? ` (needs ${target.speed}x)` : ""}`));
      cells.push(check(memory <= target.memory, `${ratio(memory)}x memory${memory > target.memory ? ` (needs ≤ ${target.memory}x)` : ""}`));
    } else if (full?.ok && peer && !peer.ok) {
      cells.push(`✓ ${peer.id ?? peerId} fails`, "–");
    } else {
      cells.push(full && !full.ok ? cell(full) : "–", "–");
    }
  }
  cells.push(full?.ok ? "✓" : full ? `✗ ${cell(full)}` : "–");
  if (parse?.reader || full?.reader) cells.push("heapgraph read with the JSON reader");
  return cells;
}

function phaseTable(snapshots, caseId) {
  const rows = snapshots.filter((s) => s.cases[caseId]?.ok && s.cases[caseId].phases);
  if (rows.length === 0) return null;
  const names = [];
  for (const s of rows) for (const n of Object.keys(s.cases[caseId].phases)) if (!names.includes(n)) names.push(n);
  const lines = [`| snapshot | ${names.join(" | ")} | total |`, `|---|${names.map(() => "---:").join("|")}|---:|`];
  for (const s of rows) {
    const summary = s.cases[caseId];
    const total = summary.ms;
    const cells = names.map((n) => {
      const ms = summary.phases[n];
      return ms == null ? "–" : `${formatMs(ms)} (${Math.round((100 * ms) / total)}%)`;
    });
    lines.push(`| ${s.recipe} | ${cells.join(" | ")} | ${formatSeconds(total)} |`);
  }
  return lines.join("\n");
}

function describeExtra(caseId, summary) {
  const notes = [];
  if (summary?.reader) notes.push(`read with ${summary.reader}, not readSnapshot`);
  if (summary?.error) notes.push(summary.error.replace(/^NotAvailable: /, ""));
  if (summary && !summary.ok && summary.phases) {
    notes.push(`timed before it stopped: ${Object.entries(summary.phases).map(([n, ms]) => `${n} ${formatSeconds(ms)}`).join(", ")}`);
  }
  const x = summary?.extra;
  const p = summary?.phases ?? {};
  if (x && caseId === "heapgraph-path")
    notes.push(`pathToRoot ${formatMs(p.pathToRoot)} first call, ${formatMs(p["pathToRoot warm"])} warm; from node ${x.target} at distance ${x.distance}, ${x.pathSteps ?? "?"} steps${x.found === false ? " (no retaining path)" : ""}`);
  if (x && caseId === "vscode-heap-parser")
    notes.push(`parse ${formatMs(p.parse)} (dominators included), class groups by retained size ${formatMs(p["class groups"])}; ${x.classGroups} groups, largest ${x.largest}`);
  if (x && caseId === "heapgraph-backrefs")
    notes.push(
      `backrefs ${formatMs(p["backrefs first call"])} first call, ${formatMs(p.backrefs)} warm at maxDepth ${x.maxDepth}; toDot ${formatMs(p.toDot)}, renderSvg ${formatMs(p.renderSvg)}; ${x.selectionNodes} nodes / ${x.selectionEdges} edges, ${formatBytes(x.svgBytes)} SVG`,
    );
  return escapeCell(notes.join("; "));
}

/** The whole RESULTS.md. */
export function renderResults(raw) {
  const { machine, options, load } = raw;
  const out = [];
  const perCore = load?.max != null ? load.max / machine.cores : null;
  out.push("# heapgraph benchmark results", "");
  out.push("Generated by `npm run bench` (bench/run.mjs); see bench/README.md for what is measured and how to read this.", "");
  const runCounts = raw.snapshots.flatMap((s) => Object.values(s.cases ?? {}).map((c) => c.runs));
  const fewest = Math.min(...runCounts);
  const most = Math.max(...runCounts);
  const runsText = fewest === most ? `${most} run${most === 1 ? "" : "s"}` : `${fewest} to ${most} runs (see "runs ok")`;
  out.push(`Date: ${raw.date}. Median of ${runsText} per tool and snapshot, each in a fresh process, tools alternating; per-run time limit ${options.timeoutS} s.`, "");
  if (raw.note) out.push(`> ${raw.note}`, "");
  if (raw.merged?.length) {
    out.push(`> Cases measured in separate runs and merged: ${raw.merged.map((m) => `${m.cases.join(", ")} on ${m.date}`).join("; ")}. Tools of different runs did not alternate.`, "");
  }
  if (perCore != null && perCore > LOADED_ABOVE) {
    out.push(
      `> **Measured under load**: the 1-minute load average reached ${load.max.toFixed(1)} on ${machine.cores} cores during the run (${load.min.toFixed(1)} at the quietest). Other work shared the CPU, so the times are noisy and likely too slow; rerun on a quiet machine before quoting them.`,
      "",
    );
  }
  out.push("## Machine", "");
  out.push(`- ${machine.cores} cores (${machine.cpuModel}), ${(machine.memoryBytes / 2 ** 30).toFixed(1)} GiB memory, ${machine.os}`);
  out.push(`- workers run on Node ${machine.workerNode}; runtimes present: ${Object.entries(machine.runtimes).filter(([, v]) => v).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  out.push(`- tools: ${Object.entries(machine.tools).map(([k, v]) => `${k} ${v ?? "?"}`).join(", ")}`);
  out.push("");

  const snaps = raw.snapshots.filter((s) => !s.error);
  out.push("## Summary", "");
  out.push("Time, peak RSS. \"fails\": the tool could not load the snapshot (see the details); \"not available yet\": the heapgraph function is not written yet.", "");
  const summaryCases = ["byte-scan", "heapgraph-parse", "heapgraph-full", "heapgraph-full-threads", "heapgraph-cli-cold", "heapgraph-cli-warm", "devtools", "memlab", "vscode-heap-parser", "json-parse", "v8-heapsnapshot"].filter((id) => snaps.some((s) => s.cases[id]));
  out.push(`| snapshot | size | nodes / edges | ${summaryCases.map((id) => caseById(id).label).join(" | ")} |`);
  out.push(`|---|---:|---|${summaryCases.map(() => "---").join("|")}|`);
  for (const s of snaps) out.push(`| ${s.recipe} | ${formatBytes(s.bytes)} | ${formatCount(s.nodes)} / ${formatCount(s.edges)} | ${summaryCases.map((id) => cell(s.cases[id])).join(" | ")} |`);
  out.push("");

  out.push("## Targets", "");
  out.push(`Parse within ${PARSE_FLOOR_TARGET}x of the byte-scan floor; full analysis ≥ ${FULL_TARGETS.devtools.speed}x faster than the DevTools worker and ≥ ${FULL_TARGETS.memlab.speed}x faster than memlab, with at most ${FULL_TARGETS.devtools.memory}x their peak RSS; every size loads. "Full" is \`heapgraph summary --json --no-cache\` as a whole process (${caseById("heapgraph-cli-cold").label}) where it was measured, else the library's full analysis: the peers' times leave out Node's start and their module loading, the CLI's include them.`, "");
  out.push("| snapshot | parse vs floor | full vs DevTools: time | full vs DevTools: memory | full vs memlab: time | full vs memlab: memory | full analysis loads | note |");
  out.push("|---|---|---|---|---|---|---|---|");
  for (const s of snaps) {
    const cells = targetsRow(s);
    while (cells.length < 7) cells.push("");
    out.push(`| ${s.recipe} | ${cells.join(" | ")} |`);
  }
  out.push("");

  const cachePairs = snaps.filter((s) => s.cases["heapgraph-cli-cold"]?.ok && s.cases["heapgraph-cli-warm"]?.ok);
  if (cachePairs.length) {
    out.push("## Index cache: a second command on the same snapshot", "");
    out.push("Whole processes of the built CLI: `summary --json --no-cache` (cold) against a second `summary --json` reading the index cache (warm). Target: warm ≥ 10x faster than cold.", "");
    out.push("| snapshot | cold | warm | warm vs cold |", "|---|---:|---:|---|");
    for (const s of cachePairs) {
      const cold = s.cases["heapgraph-cli-cold"].ms, warm = s.cases["heapgraph-cli-warm"].ms;
      out.push(`| ${s.recipe} | ${formatSeconds(cold)} | ${formatSeconds(warm)} | ${(cold / warm).toFixed(1)}x faster${cold / warm >= 10 ? "" : " (target 10x missed)"} |`);
    }
    out.push("");
  }

  out.push("## Per snapshot", "");
  for (const s of raw.snapshots) {
    out.push(`### ${s.recipe}${s.error ? "" : ` — ${formatBytes(s.bytes)}, ${formatCount(s.nodes)} nodes / ${formatCount(s.edges)} edges`}`, "");
    out.push(`${s.about}.${s.made ? ` Made in ${formatSeconds(s.made.totalMs)} on Node ${s.made.node} (snapshot written in ${formatSeconds(s.made.snapshotMs)}).` : ""}`, "");
    if (s.error) {
      out.push(`Could not be made: ${escapeCell(s.error)}`, "");
      continue;
    }
    const ours = { parse: s.cases["heapgraph-parse"], full: s.cases["heapgraph-full"] };
    out.push("| tool · task | time | peak RSS | runs ok | heapgraph parse vs this | heapgraph full vs this | notes |");
    out.push("|---|---:|---:|---:|---|---|---|");
    for (const c of CASES) {
      const summary = s.cases[c.id];
      if (!summary) continue;
      const time = summary.ok ? formatSeconds(summary.ms) : cell(summary);
      const vsParse = c.ours ? "" : compare(ours.parse, summary);
      const vsFull = c.ours ? "" : compare(ours.full, summary);
      out.push(`| ${c.label} | ${time} | ${formatRss(summary.maxRssBytes)} | ${summary.okRuns}/${summary.runs} | ${vsParse} | ${vsFull} | ${describeExtra(c.id, summary)} |`);
    }
    out.push("");
  }

  out.push("## Where heapgraph's time goes", "");
  for (const [id, title] of [["heapgraph-full", "Full analysis"], ["heapgraph-path", "pathToRoot"], ["heapgraph-backrefs", "backrefs → SVG"]]) {
    const table = phaseTable(snaps, id);
    out.push(`### ${title}`, "", table ?? "Not measured yet (the heapgraph functions it needs are not available).", "");
  }

  const failures = [];
  const missing = new Set();
  for (const s of snaps) for (const c of CASES) {
    const summary = s.cases[c.id];
    if (summary?.unavailable) missing.add(`- ${c.label}: ${summary.error.replace(/^NotAvailable: /, "")}`);
    else if (summary && !summary.ok) failures.push(`- ${s.recipe} · ${c.label}: ${summary.error}`);
  }
  if (failures.length) out.push("## Failures", "", ...failures, "");
  if (missing.size) out.push("## Not measurable yet", "", ...missing, "");
  return out.join("\n");
}
