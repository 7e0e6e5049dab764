/**
 * A strict, small XML 1.0 well-formedness parser for tests (no runtime here has DOMParser in
 * common): elements, attributes, text with entity and character references, comments, CDATA,
 * processing instructions and a DOCTYPE. Throws with the offset on anything malformed.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly (XmlElement | string)[];
}

const NAME = /[A-Za-z_:][A-Za-z0-9_.:\-]*/y;
const INVALID_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function parseXml(text: string): XmlElement {
  const bad = INVALID_CHAR.exec(text);
  if (bad) fail(`character U+${bad[0].codePointAt(0)!.toString(16).padStart(4, "0")} is not allowed in XML`, bad.index);
  let i = 0;
  let root: XmlElement | null = null;
  const stack: { name: string; attributes: Record<string, string>; children: (XmlElement | string)[] }[] = [];

  function fail(message: string, at = i): never {
    throw new Error(`XML: ${message} at offset ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 30), at + 30))}`);
  }
  function name(): string {
    NAME.lastIndex = i;
    const m = NAME.exec(text);
    if (!m) fail("expected a name");
    i += m[0].length;
    return m[0];
  }
  function skipSpace(): number {
    const start = i;
    while (i < text.length && " \t\r\n".includes(text[i]!)) i++;
    return i - start;
  }
  function decode(raw: string, at: number): string {
    if (raw.includes("<")) fail("'<' in text or attribute value", at);
    return raw.replace(/&([^;]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(";")) fail(`unterminated reference ${JSON.stringify(whole)}`, at);
      if (ref in PREDEFINED) return PREDEFINED[ref]!;
      const m = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(ref);
      if (!m) fail(`unknown entity &${ref};`, at);
      const cp = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2]!, 10);
      if (cp > 0x10ffff) fail(`character reference out of range &${ref};`, at);
      const ch = String.fromCodePoint(cp);
      if (INVALID_CHAR.test(ch)) fail(`character reference to a character XML forbids &${ref};`, at);
      return ch;
    });
  }
  function expect(s: string): void {
    if (!text.startsWith(s, i)) fail(`expected ${JSON.stringify(s)}`);
    i += s.length;
  }
  function until(end: string, what: string): string {
    const j = text.indexOf(end, i);
    if (j < 0) fail(`unterminated ${what}`);
    const body = text.slice(i, j);
    i = j + end.length;
    return body;
  }
  function addChild(child: XmlElement | string): void {
    const top = stack[stack.length - 1];
    if (top) top.children.push(child);
    else if (typeof child === "string") {
      if (child.trim() !== "") fail("text outside the root element");
    } else {
      if (root) fail("a second root element");
      root = child;
    }
  }

  if (text.startsWith("\uFEFF")) i = 1;
  while (i < text.length) {
    if (text[i] !== "<") {
      const j = text.indexOf("<", i);
      const raw = text.slice(i, j < 0 ? text.length : j);
      if (raw.includes("]]>")) fail("']]>' in text");
      if (stack.length === 0 && raw.trim() !== "") fail("text outside the root element");
      if (stack.length > 0) addChild(decode(raw, i));
      i = j < 0 ? text.length : j;
      continue;
    }
    if (text.startsWith("<?", i)) {
      const at = i;
      i += 2;
      const target = name();
      if (target.toLowerCase() === "xml" && at !== 0 && !(at === 1 && text[0] === "\uFEFF")) fail("XML declaration not at the start", at);
      until("?>", "processing instruction");
    } else if (text.startsWith("<!--", i)) {
      i += 4;
      const body = until("-->", "comment");
      if (body.includes("--") || body.endsWith("-")) fail("'--' inside a comment");
    } else if (text.startsWith("<![CDATA[", i)) {
      if (stack.length === 0) fail("CDATA outside the root element");
      i += 9;
      addChild(until("]]>", "CDATA section"));
    } else if (text.startsWith("<!DOCTYPE", i)) {
      if (root || stack.length > 0) fail("DOCTYPE after the root element started");
      i += 9;
      let depth = 0, quote = "";
      while (i < text.length) {
        const c = text[i++]!;
        if (quote) {
          if (c === quote) quote = "";
        } else if (c === '"' || c === "'") quote = c;
        else if (c === "[") depth++;
        else if (c === "]") depth--;
        else if (c === ">" && depth === 0) break;
      }
    } else if (text.startsWith("</", i)) {
      i += 2;
      const n = name();
      skipSpace();
      expect(">");
      const top = stack.pop();
      if (!top) fail(`end tag </${n}> without a start tag`);
      if (top.name !== n) fail(`end tag </${n}> closes <${top.name}>`);
      addChild(top);
    } else {
      i++;
      const n = name();
      const attributes: Record<string, string> = {};
      for (;;) {
        const spaced = skipSpace();
        if (text.startsWith("/>", i)) {
          i += 2;
          addChild({ name: n, attributes, children: [] });
          break;
        }
        if (text[i] === ">") {
          i++;
          stack.push({ name: n, attributes, children: [] });
          break;
        }
        if (!spaced) fail("expected whitespace before an attribute");
        const a = name();
        skipSpace();
        expect("=");
        skipSpace();
        const q = text[i];
        if (q !== '"' && q !== "'") fail("attribute value must be quoted");
        i++;
        const at = i;
        const value = until(q, "attribute value");
        if (a in attributes) fail(`duplicate attribute ${a}`);
        attributes[a] = decode(value, at);
      }
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]!.name}> is never closed`);
  if (!root) fail("no root element");
  return root;
}

/** Every element under `root` (itself included) for which `test` is true, in document order. */
export function findAll(root: XmlElement, test: (e: XmlElement) => boolean): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (test(e)) out.push(e);
    for (const c of e.children) if (typeof c !== "string") walk(c);
  };
  walk(root);
  return out;
}

/** The text inside an element, entities decoded. */
export function textOf(e: XmlElement): string {
  return e.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
}
