import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { GraphProgress } from "../build-options.ts";
import type { ClassIndex, TypeCodes } from "../graph-index-types.ts";
import { PhaseProgress } from "../progress.ts";
import { DETACHED } from "./detachedness.ts";
import { applyObjectInterfaces } from "./object-interfaces.ts";

/**
 * Shortens an element-like name as DevTools does: `<div id="a">` becomes `<div>`, and
 * `Detached <li class="x">` becomes `Detached <li>`.
 *
 * @example
 * ```ts
 * shortenElementName('<div id="main">'); // "<div>"
 * ```
 */
export function shortenElementName(name: string): string {
  if (name.startsWith("<")) {
    const space = name.indexOf(" ");
    return space === -1 ? name : name.substring(0, space) + ">";
  }
  if (name.startsWith("Detached <")) {
    const space = name.indexOf(" ", 10);
    return space === -1 ? name : name.substring(0, space) + ">";
  }
  return name;
}

/**
 * Classes of all nodes, by DevTools' rules (`calculateObjectNames`, interface inference, class keys):
 *
 * - `object` and `native` nodes: their name (the constructor name, or Blink's element name,
 *   shortened to `<div>`; detached native nodes are `Detached <div>`); plain `Object`s take an
 *   inferred interface name such as `{id, name}` when their shape is common (see `applyObjectInterfaces`);
 * - `closure`: `Function`; `regexp`: `RegExp`; `code`: `(compiled code)`; `hidden`: `(system)`;
 * - any other type: the type in parentheses, e.g. `(string)`, `(array)`, `(number)`, `(concatenated string)`.
 *
 * Objects with a script location (their constructor's) form one class per location, as in
 * DevTools' Summary view.
 *
 * @example
 * ```ts
 * const codes = snapshotCodes(snapshot);
 * const { classOf, names } = buildClassIndex(snapshot, codes, propagateDetachedness(snapshot, codes));
 * console.log(names[classOf[ordinal]]);
 * ```
 */
export function buildClassIndex(
  snapshot: HeapSnapshot,
  codes: TypeCodes,
  detachedness: Uint8Array,
  onProgress?: (progress: GraphProgress) => void,
): ClassIndex {
  const { nodeCount, nodeType, nodeName, strings, nodeTypeNames, locations } = snapshot;
  const progress = new PhaseProgress(onProgress, "classes", nodeCount);
  const byKey = new Map<string, number>();
  const names: string[] = [], keys: string[] = [], scriptIds: number[] = [], lines: number[] = [], columns: number[] = [];
  const classOfKey = (key: string, name: string, scriptId: number, line: number, column: number): number => {
    let c = byKey.get(key);
    if (c === undefined) {
      c = names.length;
      byKey.set(key, c);
      names.push(name);
      keys.push(key);
      scriptIds.push(scriptId);
      lines.push(line);
      columns.push(column);
    }
    return c;
  };
  const classNamed = (name: string) => classOfKey("," + name, name, -1, -1, -1);

  const typeClass = new Int32Array(nodeTypeNames.length + 1).fill(-1);
  const fixedName = (t: number): string => {
    if (t === codes.hidden) return "(system)";
    if (t === codes.code) return "(compiled code)";
    if (t === codes.closure) return "Function";
    if (t === codes.regexp) return "RegExp";
    return `(${nodeTypeNames[t]})`;
  };
  const nameClass = new Int32Array(strings.length).fill(-1);
  const detachedNameClass = new Map<number, number>();
  const classOf = new Uint32Array(nodeCount);
  for (let o = 0; o < nodeCount; o++) {
    if (o >= progress.next) progress.report(o);
    const t = nodeType[o];
    const nameIndex = nodeName[o];
    if (t === codes.object || t === codes.native) {
      if (t === codes.native && detachedness[o] === DETACHED) {
        let c = detachedNameClass.get(nameIndex);
        if (c === undefined) {
          c = classNamed(shortenElementName("Detached " + strings[nameIndex]));
          detachedNameClass.set(nameIndex, c);
        }
        classOf[o] = c;
      } else {
        let c = nameClass[nameIndex];
        if (c < 0) c = nameClass[nameIndex] = classNamed(shortenElementName(strings[nameIndex] ?? ""));
        classOf[o] = c;
      }
    } else {
      const slot = t < nodeTypeNames.length ? t : nodeTypeNames.length;
      let c = typeClass[slot];
      if (c < 0) c = typeClass[slot] = classNamed(fixedName(t));
      classOf[o] = c;
    }
  }

  const interfaceClass: number[] = [];
  applyObjectInterfaces(snapshot, codes, (o, definition, name) => (classOf[o] = interfaceClass[definition] ??= classNamed(name)));

  // Objects whose constructor has a script location: one class per location (later entries win).
  // A few classes make up most located objects, so recent answers are kept in a small ring.
  if (locations) {
    const RING = 16;
    const ringScript = new Float64Array(RING).fill(-1), ringLine = new Float64Array(RING), ringColumn = new Float64Array(RING);
    const ringBase = new Int32Array(RING), ringClass = new Int32Array(RING);
    let ringNext = 0;
    for (let i = 0; i < locations.count; i++) {
      const o = locations.objectOrdinal[i];
      if (o >= nodeCount || nodeType[o] !== codes.object) continue;
      const base = classOf[o];
      const scriptId = locations.scriptId[i], line = locations.line[i], column = locations.column[i];
      let c = -1;
      for (let k = 0; k < RING; k++) {
        if (ringBase[k] === base && ringScript[k] === scriptId && ringLine[k] === line && ringColumn[k] === column) {
          c = ringClass[k];
          break;
        }
      }
      if (c < 0) {
        const name = names[base];
        c = classOfKey(`${scriptId},${line},${column},${name}`, name, scriptId, line, column);
        ringScript[ringNext] = scriptId;
        ringLine[ringNext] = line;
        ringColumn[ringNext] = column;
        ringBase[ringNext] = base;
        ringClass[ringNext] = c;
        ringNext = (ringNext + 1) % RING;
      }
      classOf[o] = c;
    }
  }

  // Drop classes no node kept (a name whose every object moved to an interface or a location).
  const used = new Uint32Array(names.length);
  for (let o = 0; o < nodeCount; o++) used[classOf[o]]++;
  const remap = new Uint32Array(names.length);
  let kept = 0;
  for (let c = 0; c < names.length; c++) {
    if (used[c] === 0) continue;
    remap[c] = kept;
    names[kept] = names[c];
    keys[kept] = keys[c];
    scriptIds[kept] = scriptIds[c];
    lines[kept] = lines[c];
    columns[kept] = columns[c];
    kept++;
  }
  if (kept < names.length) {
    for (let o = 0; o < nodeCount; o++) classOf[o] = remap[classOf[o]];
    names.length = keys.length = scriptIds.length = lines.length = columns.length = kept;
  }
  progress.done();
  return {
    classOf,
    names,
    keys,
    scriptId: Int32Array.from(scriptIds),
    line: Int32Array.from(lines),
    column: Int32Array.from(columns),
  };
}
