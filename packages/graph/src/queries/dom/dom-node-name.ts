/**
 * Which native objects are DOM nodes, by the name Blink gives them in heap snapshots.
 *
 * @module
 */

/** Names of DOM nodes as Blink writes them: `<tag ...>`, `HTML...Element`, `SVG...Element`, text and the like. */
const DOM_NAME = /^(?:Detached )?(?:<[^>]+>|(?:HTML|SVG|MathML)\w*Element|Text|Comment|CDATASection|DocumentFragment|ShadowRoot|Attr|DocumentType)$/;

/**
 * Whether `name` (a native node's name) is a DOM node's: `<li>`, `HTMLDivElement`, `Text`...
 * Node's C++ wrapper objects (`Node / ModuleWrap`) are not.
 *
 * @example
 * ```ts
 * isDomNodeName("<li class=item>"); // true
 * isDomNodeName("Node / ModuleWrap"); // false
 * ```
 */
export function isDomNodeName(name: string): boolean {
  return DOM_NAME.test(name);
}
