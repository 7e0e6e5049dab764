/**
 * Short names for Blink's and V8's C++ classes in the lines a person reads first (leak headlines,
 * holder labels). Chromium names its garbage-collected C++ objects by their full template type:
 * `blink::BasicHeapVector<blink::internal::HeapCollectionType::kGCed,
 * cppgc::internal::BasicMember<blink::RegisteredEventListener, …>, 1>` is a vector of event
 * listeners. Tables and chains keep DevTools' full names; headlines say `HeapVector<RegisteredEventListener>`.
 *
 * @module
 */

/** Template arguments that only say how an object is stored or traced, never what it holds. */
const PLUMBING = /^(?:k[A-Z]\w*|[a-z_]\w*|\d+|.*(?:Member|Tag|Policy|Traits|Allocator|Extractor|Type|Backing|HashTable|KeyValuePair|Vector|HashMap|HashSet|Deque|LinkedHashSet|CountedSet)|AtomicString|String|WTF)$/;
/** How many held types a short name lists. */
const HELD_TYPES = 2;

/**
 * `blink::BasicHeapVector<…BasicMember<blink::RegisteredEventListener, …>, 1>` →
 * `HeapVector<RegisteredEventListener>`: the outer class without namespace and `Basic` prefix, and
 * the first classes its template arguments hold (storage and tracing types left out). Names
 * without a template are returned as they are.
 *
 * @example
 * ```ts
 * shortNativeName("blink::BasicHeapVector<blink::internal::HeapCollectionType::kGCed, cppgc::internal::BasicMember<blink::RegisteredEventListener, cppgc::internal::StrongMemberTag>, 1>");
 * // "HeapVector<RegisteredEventListener>"
 * shortNativeName("blink::HTMLDivElement"); // "blink::HTMLDivElement"
 * ```
 */
export function shortNativeName(name: string): string {
  const open = name.indexOf("<");
  if (open < 0 || !name.includes("::")) return name;
  const outer = lastSegment(name.slice(0, open).trim().split(" ").pop() ?? "").replace(/^Basic(?=[A-Z])/, "");
  const held: string[] = [];
  for (const match of name.slice(open).matchAll(/[A-Za-z_][\w:]*/g)) {
    const type = lastSegment(match[0]);
    if (!PLUMBING.test(type) && !held.includes(type)) held.push(type);
    if (held.length === HELD_TYPES) break;
  }
  return held.length > 0 ? `${outer}<${held.join(", ")}>` : outer;
}

function lastSegment(qualified: string): string {
  const parts = qualified.split("::");
  return parts[parts.length - 1] ?? qualified;
}
