import { type DisplayBundle, type Displayable, JUPYTER_DISPLAY } from "./display-bundle.ts";
import { NotebookError } from "../errors/notebook-error.ts";
import { toDisplayBundle } from "./to-display-bundle.ts";

/** Node's, Bun's and Deno's hook for `console.log` and `util.inspect` (`util.inspect.custom`). */
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * Makes `obj` show itself in notebooks: attaches `[Symbol.for("Jupyter.display")]()` (which
 * Deno's kernel calls on a cell's last expression, and {@link display} calls everywhere) and
 * `[Symbol.for("nodejs.util.inspect.custom")]()`, so that `console.log(obj)` and tslab's echo of
 * a cell's last expression print the bundle's `text/plain`. Both are non-enumerable: JSON,
 * spreading and `Object.keys` see the object as it was.
 *
 * `bundle` runs each time the object is shown, so it always reflects the object's current
 * state. The object is changed in place and returned; a frozen object throws a `TypeError`.
 *
 * @example
 * ```ts
 * const stats = displayable({ type: "Foo", count: 3 }, (s) => ({
 *   "text/plain": `${s.type} ${s.count}`,
 *   "text/html": `<b>${escapeHtml(s.type)}</b> ${s.count}`,
 * }));
 * stats; // as a Deno cell's last expression: shown as HTML
 * display(stats); // in tslab, Deno, or as text in a script
 * ```
 */
export function displayable<T extends object>(obj: T, bundle: (obj: T) => DisplayBundle): T & Displayable {
  const show = (): DisplayBundle => {
    let made: unknown;
    try {
      made = bundle(obj);
    } catch (error) {
      throw new NotebookError("BAD_BUNDLE", `the display function of ${describe(obj)} threw: ${String(error)}`, { cause: error });
    }
    if (typeof made !== "object" || made === null || typeof (made as DisplayBundle)["text/plain"] !== "string") {
      throw new NotebookError("BAD_BUNDLE", `the display function of ${describe(obj)} returned ${describe(made)}, not a MIME bundle with "text/plain"`);
    }
    return made as DisplayBundle;
  };
  Object.defineProperty(obj, JUPYTER_DISPLAY, { value: show, enumerable: false, configurable: true, writable: true });
  Object.defineProperty(obj, INSPECT, {
    value: () => toDisplayBundle(obj)["text/plain"],
    enumerable: false,
    configurable: true,
    writable: true,
  });
  return obj as T & Displayable;
}

/**
 * A displayable object holding a fixed bundle; what {@link html}, {@link markdown} and
 * {@link svgGraph} return. Each call of its display method returns a fresh copy.
 *
 * @example
 * ```ts
 * const shown = fixedDisplay({ "text/plain": "hi", "text/html": "<b>hi</b>" });
 * ```
 */
export function fixedDisplay(bundle: DisplayBundle): Displayable {
  const copy = { ...bundle };
  return displayable({}, () => ({ ...copy }));
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return value.constructor?.name ? `a ${value.constructor.name}` : "an object";
  return typeof value === "string" ? JSON.stringify(value.slice(0, 60)) : `${typeof value} ${String(value)}`;
}
