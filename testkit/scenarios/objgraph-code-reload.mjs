// Code reload: the same module imported four times with a cache-busting query, so
// four distinct classes share one name; instances are kept in a module-level registry.
// Bun ignores the query (one module per path), so there each reload imports a fresh copy
// of the file under a new name instead. The module is written to a fresh temporary
// directory and removed afterwards. One snapshot to argv[2].
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { snapshotTo } from "./heap-snapshot-here.mjs";

const SOURCE = `export class ReloadedWidget {
  constructor(version) {
    this.version = version;
  }
}
`;

class WidgetRegistry {
  constructor() {
    this.widgets = [];
  }
}

const registry = new WidgetRegistry();

const dir = mkdtempSync(join(tmpdir(), "heapgraph-reload-"));
try {
  const file = join(dir, "reloaded-widget.mjs");
  writeFileSync(file, SOURCE);
  for (let version = 1; version <= 4; version++) {
    let mod = await import(`${pathToFileURL(file).href}?v=${version}`);
    if (registry.widgets.some((w) => w.constructor === mod.ReloadedWidget)) {
      const copy = join(dir, `reloaded-widget-${version}.mjs`);
      writeFileSync(copy, SOURCE);
      mod = await import(pathToFileURL(copy).href);
    }
    registry.widgets.push(new mod.ReloadedWidget(version));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (new Set(registry.widgets.map((w) => w.constructor)).size !== 4) {
  throw new Error("this runtime did not load four copies of the module");
}
await new Promise((resolve) => setTimeout(resolve, 0));
await snapshotTo();
// keep the registry alive until the snapshot is written
if (registry.widgets.length !== 4) throw new Error("unreachable");
