/** The parts of a WeakMap pair's edge name, as V8 writes it. */
const EPHEMERON = /^(?:\d+ \/ )?part of key \((.*?) @(\d+)\) -> value \((.*?) @(\d+)\) pair in WeakMap \(table @(\d+)\)$/s;
const IDENTIFIER = /^#?[A-Za-z_$][A-Za-z0-9_$]*$/;
const INDEX = /^\d+$/;

/**
 * The short label of a heap edge, as heapgraph draws and prints it: `.prop` for a property
 * (`["odd key"]` when it is not an identifier), `[3]` for an element, the variable name for a
 * closure-context slot, the name for internal and shortcut edges, `(hidden)` for hidden ones.
 * Weak edges are labelled like properties or elements (drawings dash them), and so are the
 * numbered internal and shortcut edges of the GC roots (V8 numbers them `2`, `13`): `[2]`.
 *
 * A WeakMap value is held by a pair of internal edges whose V8 names describe the pair; they are
 * shortened to `WeakMap value (key @12)` on the table's edge and `WeakMap key (table @34)` on the
 * key's. Pass the holder's id to tell the two apart; without it the label names both.
 *
 * @example
 * ```ts
 * edgeLabel("property", "cache"); // ".cache"
 * edgeLabel("element", "3"); // "[3]"
 * edgeLabel("property", "content-type"); // '["content-type"]'
 * edgeLabel("context", "leaky"); // "leaky"
 * edgeLabel("shortcut", "2"); // "[2]" (the synthetic root's edge to a global object)
 * ```
 */
export function edgeLabel(type: string, name: string, holderId?: number): string {
  switch (type) {
    case "element":
      return `[${name}]`;
    case "property":
      return propertyLabel(name);
    case "weak":
      return INDEX.test(name) ? `[${name}]` : propertyLabel(name);
    case "hidden":
      return "(hidden)";
    case "shortcut":
      return INDEX.test(name) ? `[${name}]` : name;
    case "internal": {
      if (INDEX.test(name)) return `[${name}]`;
      const pair = EPHEMERON.exec(name);
      if (!pair) return name;
      const [, , keyId, , , tableId] = pair;
      if (holderId !== undefined && String(holderId) === tableId) return `WeakMap value (key @${keyId})`;
      if (holderId !== undefined && String(holderId) === keyId) return `WeakMap key (table @${tableId})`;
      return `WeakMap pair (key @${keyId}, table @${tableId})`;
    }
    default:
      return name;
  }
}

function propertyLabel(name: string): string {
  return IDENTIFIER.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}
