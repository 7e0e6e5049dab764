/// <reference lib="dom" />
/**
 * The browser side of `heapgraph watch`: polls `/api/series`, draws the largest and the
 * growing classes with uPlot, lists the growing ones, and on a click asks `/api/diagnose` for a
 * class's growing holders and chain. Every class name and label comes from a heap: they are only
 * ever set as text (`textContent`), and the chain's SVG is parsed as XML with scripts and event
 * attributes removed before it is shown (the CSP would block them anyway).
 *
 * @module
 */
import type { HeapgraphGraphApi, InteractiveGraphData, MountedGraph } from "@heapgraph/render";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import "./watch.css";
import { claimCytoscapeStylesheet } from "../../shared/page/cytoscape-stylesheet.ts";

interface SeriesClass {
  name: string;
  growing: boolean;
  slope: number;
  count: number[];
  selfSize: number[];
}
interface SeriesReply {
  every: number;
  samples: { time: number; pauseMs: number; nodeCount: number }[];
  classes: SeriesClass[];
  classCount: number;
  ended: string | null;
}
interface Step {
  id: number;
  className: string;
  label: string;
  edge: string | null;
  repeat: number | null;
}
interface Diagnosis {
  className: string;
  headline: string;
  holders: { headline: string; id: number; holds: number; retainedSize: number; path: Step[] }[];
  holdersNote: string | null;
  instances: number;
  held: number;
  chain: Step[];
  graph: InteractiveGraphData | null;
  svg: string | null;
}

const token = document.querySelector<HTMLMetaElement>('meta[name="heapgraph-token"]')!.content;
const data = JSON.parse(document.getElementById("heapgraph-data")!.textContent!) as { endpoint: string; every: number };
const $ = (id: string) => document.getElementById(id)!;
const GROWING_COLOURS = ["#d62728", "#ff7f0e", "#b3261e", "#e377c2", "#8c564b"];
const OTHER_COLOURS = ["#1f77b4", "#2ca02c", "#9467bd", "#17becf", "#7f7f7f", "#bcbd22", "#3b5b92", "#5fa35f", "#6b6ecf", "#8d8d8d", "#4c9fb0", "#a0a050"];

let plot: uPlot | null = null;
let mounted: MountedGraph | undefined;
let plotKey = "";
let pollTimer = 0;

async function api<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { "X-Heapgraph-Token": token } });
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body;
}

function size(bytes: number): string {
  const units = ["B", "kB", "MB", "GB"];
  let v = bytes, u = 0;
  while (v >= 1000 && u < units.length - 1) (v /= 1000), u++;
  return `${v >= 100 || u === 0 ? Math.round(v) : v.toFixed(1)} ${units[u]}`;
}

function classButton(name: string): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "class";
  b.textContent = name;
  b.dataset.className = name;
  b.addEventListener("click", () => void diagnose(name));
  return b;
}

function draw(s: SeriesReply): void {
  const box = $("chart");
  const xs = s.samples.map((x) => x.time / 1000);
  const classes = s.classes;
  const key = classes.map((c) => `${c.growing ? 1 : 0}${c.name}`).join("\u0000");
  const columns: uPlot.AlignedData = [xs, ...classes.map((c) => c.count.map((n) => (n > 0 ? n : null)))];
  if (plot && key === plotKey) {
    plot.setData(columns);
    return;
  }
  plot?.destroy();
  plotKey = key;
  let g = 0, o = 0;
  const series: uPlot.Series[] = [
    {},
    ...classes.map((c) => ({
      label: c.growing ? `▲ ${c.name}` : c.name,
      stroke: c.growing ? GROWING_COLOURS[g++ % GROWING_COLOURS.length] : OTHER_COLOURS[o++ % OTHER_COLOURS.length],
      width: c.growing ? 3 : 1.5,
      spanGaps: true,
      points: { show: false },
    })),
  ];
  plot = new uPlot(
    {
      width: Math.max(320, box.clientWidth - 8),
      height: 400,
      scales: { x: { time: true }, y: { distr: 3 } },
      axes: [{}, { label: "instances", size: 70 }],
      series,
      legend: { live: false },
    },
    columns,
    box,
  );
}

function list(s: SeriesReply): void {
  const growing = s.classes.filter((c) => c.growing);
  const ul = $("growing");
  ul.replaceChildren();
  if (growing.length === 0) {
    const li = document.createElement("li");
    li.className = "none";
    li.textContent = s.samples.length < 4 ? `nothing yet (${s.samples.length} samples; judged from 4)` : "nothing grows steadily";
    ul.append(li);
  }
  for (const c of growing) {
    const li = document.createElement("li");
    const rate = document.createElement("span");
    rate.className = "rate";
    rate.textContent = `${c.count.at(-1)} (+${c.slope.toFixed(c.slope < 10 ? 1 : 0)} per sample)`;
    li.append(classButton(c.name), rate);
    ul.append(li);
  }
  const tbody = $("classes").querySelector("tbody")!;
  tbody.replaceChildren();
  for (const c of s.classes) {
    const tr = document.createElement("tr");
    if (c.growing) tr.className = "growing";
    const n = c.count.length;
    const first = c.count[Math.max(0, n - 8)] ?? 0;
    const delta = (c.count[n - 1] ?? 0) - first;
    const cells = [String(c.count[n - 1] ?? 0), `${delta >= 0 ? "+" : ""}${delta}`, size(c.selfSize[n - 1] ?? 0)];
    const name = document.createElement("td");
    name.append(classButton(c.name));
    tr.append(name, ...cells.map((t) => Object.assign(document.createElement("td"), { textContent: t })));
    tbody.append(tr);
  }
}

function status(s: SeriesReply): void {
  const el = $("status");
  const last = s.samples.at(-1);
  if (s.ended) {
    el.className = "ended";
    el.textContent = `watch ended: ${s.ended}`;
    return;
  }
  el.className = "";
  el.textContent = last
    ? `${data.endpoint} · ${s.samples.length} samples every ${s.every} s · last pause ${last.pauseMs} ms · ${last.nodeCount.toLocaleString("en")} nodes · ${s.classCount} classes`
    : `${data.endpoint} · waiting for the first sample…`;
}

async function poll(): Promise<void> {
  try {
    const s = await api<SeriesReply>("/api/series?top=12");
    status(s);
    if (s.samples.length > 0) {
      draw(s);
      list(s);
    }
    document.body.dataset.samples = String(s.samples.length);
    if (s.ended) return;
  } catch (error) {
    $("status").textContent = `cannot reach heapgraph watch (${(error as Error).message})`;
  }
  pollTimer = window.setTimeout(() => void poll(), Math.max(500, Math.min(5000, data.every * 1000)));
}

function stepText(step: Step): [string | null, string] {
  const edge = step.edge === null ? null : step.edge;
  return [edge, `${step.label} @${step.id}${step.repeat ? ` ×${step.repeat}` : ""}`];
}

/** The chain's SVG as a detached element: parsed as XML, scripts, foreign objects and event attributes removed. */
function safeSvg(text: string): Element | null {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const svg = doc.documentElement;
  if (svg.nodeName !== "svg") return null;
  for (const bad of svg.querySelectorAll("script, foreignObject, iframe, object, embed")) bad.remove();
  for (const el of svg.querySelectorAll("*")) {
    for (const attr of [...el.attributes]) {
      if (/^on/i.test(attr.name) || (/href$/i.test(attr.name) && !attr.value.startsWith("#"))) el.removeAttribute(attr.name);
    }
  }
  return document.importNode(svg, true);
}

function unmount(): void {
  mounted?.destroy();
  mounted = undefined;
}

async function diagnose(name: string): Promise<void> {
  const section = $("diagnosis");
  section.hidden = false;
  section.dataset.state = "loading";
  $("diagnosis-title").textContent = name;
  $("headline").textContent = `taking two snapshots ${data.every} s apart to see what holds the new ${name} instances…`;
  $("holders").replaceChildren();
  $("chain").replaceChildren();
  unmount();
  $("graph").replaceChildren();
  $("graph").className = "";
  try {
    const d = await api<Diagnosis>(`/api/diagnose?class=${encodeURIComponent(name)}`);
    if ($("diagnosis-title").textContent !== name) return; // another class was clicked meanwhile
    $("headline").textContent = d.headline;
    const holders = $("holders");
    for (const h of d.holders.slice(1)) holders.append(Object.assign(document.createElement("p"), { textContent: `also: ${h.headline}` }));
    if (d.holdersNote) holders.append(Object.assign(document.createElement("p"), { textContent: d.holdersNote }));
    holders.append(Object.assign(document.createElement("p"), { textContent: `${d.held} of ${d.instances} instances are held the way the one below is.` }));
    const chain = $("chain");
    for (const step of d.chain) {
      const li = document.createElement("li");
      const [edge, text] = stepText(step);
      if (edge !== null) li.append(Object.assign(document.createElement("span"), { className: "edge", textContent: `.${edge} → ` }));
      li.append(document.createTextNode(text));
      chain.append(li);
    }
    const widget = (window as { heapgraphGraph?: HeapgraphGraphApi<HTMLElement> }).heapgraphGraph;
    unmount();
    if (d.graph && widget) {
      $("graph").className = "interactive";
      mounted = widget.mount($("graph"), d.graph, { tooMany: 10 });
    }
    else {
      const svg = d.svg ? safeSvg(d.svg) : null;
      if (svg) $("graph").append(svg);
    }
    section.dataset.state = "done";
  } catch (error) {
    $("headline").textContent = `no answer: ${(error as Error).message}`;
    section.dataset.state = "failed";
  }
}

claimCytoscapeStylesheet();
void poll();
window.addEventListener("resize", () => {
  if (plot) plot.setSize({ width: Math.max(320, $("chart").clientWidth - 8), height: 400 });
});
void pollTimer;
