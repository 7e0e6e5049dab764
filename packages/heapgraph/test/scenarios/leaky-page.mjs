// A page scenario: open and close a panel. The leaky page keeps closed panels (detached DOM) and
// their resize listeners; heapgraph run must exit 1 and name them.
import process from "node:process";

export default {
  url: `${process.env.HEAPGRAPH_SCENARIO_BASE}/panels.html`,
  action: async ({ page }) => page.click("#open"),
  back: async ({ page }) => page.click("#close"),
  iterations: 4,
};
