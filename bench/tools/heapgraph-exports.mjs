// heapgraph's own packages, imported from their built dist through the repository's
// workspace links, for the heapgraph workers. A package that fails to import, or a function
// it does not export (yet), becomes a NotAvailable error when a task asks for it.
import { NotAvailable } from "./worker.mjs";

const modules = {};
for (const pkg of ["snapshot", "graph", "render"]) {
  try {
    modules[pkg] = await import(`@heapgraph/${pkg}`);
  } catch (err) {
    modules[pkg] = { importError: err };
  }
}

/** The exported function `name` of `@heapgraph/<pkg>`, or a NotAvailable error. */
export function exported(pkg, name) {
  const mod = modules[pkg];
  if (typeof mod[name] === "function") return mod[name];
  const why = mod.importError ? `cannot import @heapgraph/${pkg} (${mod.importError.message})` : `@heapgraph/${pkg} does not export ${name}()`;
  throw new NotAvailable(why);
}
