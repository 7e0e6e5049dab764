// Eclipse MAT's questions: one cache that grows (many small entries under one Map), and the
// same string held in many separate copies. One snapshot to argv[2].
import { snapshotTo } from "./heap-snapshot-here.mjs";

const ENTRIES = 4000;
const COPIES = 120;

class CacheEntry {
  constructor(i) {
    this.key = `key-${i}`;
    this.value = `value ${i} `.repeat(40);
  }
}

class BigCache {
  constructor() {
    this.entries = new Map();
  }
}

function fill(cache) {
  for (let i = 0; i < ENTRIES; i++) cache.entries.set(i, new CacheEntry(i));
  return cache;
}

function copies() {
  // join() builds a new flat string each time: COPIES separate copies of one text.
  return Array.from({ length: COPIES }, () => ["duplicated", "text", "for", "heapgraph"].join(" "));
}

globalThis.matScenario = { cache: fill(new BigCache()), copies: copies() };
await new Promise((resolve) => setTimeout(resolve, 0));
await snapshotTo();
