/// <reference lib="dom" />
/**
 * The browser side of `heapgraph explore`: tabs for the Summary of each file, the Comparison
 * (two or more files) and the Leaks view (three), over the server's JSON API. Bundled by
 * esbuild into `dist/web-assets/explore.js` (and `explore.css`); the page loads render's graph
 * widget (`graph.js`) before it.
 *
 * @module
 */
import "./explore.css";
import type { ExplorePageData } from "../explore-app.ts";
import { comparisonView, leaksView } from "./diff-views.ts";
import { count, h, size } from "./dom.ts";
import { showObject } from "./object-view.ts";
import { summaryView } from "./summary-view.ts";
import { claimCytoscapeStylesheet } from "../../shared/page/cytoscape-stylesheet.ts";

const data = JSON.parse(document.getElementById("heapgraph-data")?.textContent ?? "{}") as ExplorePageData;

function showError(container: HTMLElement) {
  return (error: unknown) => {
    container.replaceChildren(h("p", "error", `could not load: ${error instanceof Error ? error.message : String(error)}`));
    console.warn(error);
  };
}

function start(): void {
  claimCytoscapeStylesheet();
  const header = h("header", "", null, h("h1", "", "heapgraph explore"));
  const facts = h("p", "files");
  data.files.forEach((file, i) => {
    if (i > 0) facts.append(" · ");
    facts.append(h("span", "file", `${file.name}`), ` (${count(file.nodeCount)} nodes, ${size(file.totalSize)})`);
  });
  header.append(facts);
  const tabs = h("nav", "tabs");
  tabs.setAttribute("role", "tablist");
  const main = h("main");
  document.body.replaceChildren(header, tabs, main);

  const views: { label: string; show: (section: HTMLElement) => Promise<void> }[] = [];
  const last = data.files.length - 1;
  data.files.forEach((file, i) => views.push({ label: data.files.length === 1 ? "Summary" : `Summary: ${file.name}`, show: (s) => summaryView(s, i, data.tooMany) }));
  if (data.comparison) views.push({ label: "Comparison", show: (s) => comparisonView(s) });
  if (data.leaks) {
    views.push({
      label: "Leaks",
      show: (s) =>
        leaksView(s, (id) => {
          const panel = h("div", "detail");
          s.append(panel);
          void showObject(panel, last, id, data.tooMany).catch(showError(panel));
          panel.scrollIntoView();
        }),
    });
  }
  const sections = views.map(() => h("section", "view"));
  const loaded = new Set<number>();
  const select = (index: number) => {
    views.forEach((_, i) => {
      sections[i]!.hidden = i !== index;
      tabButtons[i]!.setAttribute("aria-selected", String(i === index));
    });
    if (!loaded.has(index)) {
      loaded.add(index);
      sections[index]!.replaceChildren(h("p", "loading", "loading…"));
      void views[index]!.show(sections[index]!).catch(showError(sections[index]!));
    }
  };
  const tabButtons = views.map((view, i) => {
    const b = h("button", "tab", view.label);
    b.type = "button";
    b.setAttribute("role", "tab");
    b.addEventListener("click", () => select(i));
    return b;
  });
  tabs.append(...tabButtons);
  main.append(...sections);
  // With three files the answer is the Leaks view; with two, the Comparison.
  select(data.leaks ? views.length - 1 : data.comparison ? views.length - 1 : 0);
}

start();
