// Blink's template class names, as Chromium 156 writes them, shortened for headlines.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { shortNativeName } from "../src/queries/shared/native-class-name.ts";

const MEMBER = (type: string) => `cppgc::internal::BasicMember<${type}, cppgc::internal::StrongMemberTag, cppgc::internal::DijkstraWriteBarrierPolicy>`;
const LISTENER_LIST = `blink::BasicHeapVector<blink::internal::HeapCollectionType::kGCed, ${MEMBER("blink::RegisteredEventListener")}, 1>`;

test("a listener list: the vector and what it holds, without namespaces, storage or tracing types", () => {
  assert.is(shortNativeName(LISTENER_LIST), "HeapVector<RegisteredEventListener>");
  assert.is(shortNativeName(`blink::HeapVectorBacking<std::pair<blink::AtomicString, ${MEMBER(LISTENER_LIST)}>>`), "HeapVectorBacking<RegisteredEventListener>");
});

test("a hash table: its key and value classes, two at most", () => {
  const table = `blink::HeapHashTableBacking<blink::HashTable<${MEMBER("blink::Node")}, blink::KeyValuePair<${MEMBER("blink::Node")}, ${MEMBER("blink::SoftNavigationPaintAttributionTracker::NodeState")}>, blink::KeyValuePairExtractor, blink::HeapAllocator>>`;
  assert.is(shortNativeName(table), "HeapHashTableBacking<Node, NodeState>");
});

test("names without a C++ template stay as they are", () => {
  for (const name of ["blink::HTMLDivElement", "Array", "{row, label}", "Map<string, number>", "Detached <div>", ""]) assert.is(shortNativeName(name), name);
});

test.run();
