// The fixed page (?fixed): closed panels are dropped and their listeners removed; heapgraph run must exit 0.
import process from "node:process";

export default {
  url: `${process.env.HEAPGRAPH_SCENARIO_BASE}/panels.html?fixed`,
  action: async ({ page }) => page.click("#open"),
  back: async ({ page }) => page.click("#close"),
  iterations: 4,
};
