// A heap with the shapes whose numbers DevTools computes in special ways, for the engine's
// differential test: owned backing stores (shallow sizes), WeakMap entries and WeakRefs
// (distances and dominators), closures with contexts and script locations, plain objects
// of common shapes (interface names), two classes with one name (class keys), cons strings,
// cycles, Maps and Sets, typed arrays. Run by testkit's `takeRealSnapshot`, which passes the
// output file as argv[2] and the format (V8, or Bun's JavaScriptCore) in the environment.
import { snapshotTo } from "../../../../testkit/scenarios/heap-snapshot-here.mjs";

class Order {
  constructor(id, items) {
    this.id = id;
    this.items = items;
    this.note = "order #" + id + " of " + items.length;
  }
}
class Customer {
  constructor(name) {
    this.name = name;
    this.orders = [];
    this.tags = new Set(["new"]);
  }
}
const makeItemA = () => class Item { constructor(v) { this.v = v; } };
const makeItemB = () => class Item { constructor(w) { this.w = w; this.extra = [w]; } };
const ItemA = makeItemA();
const ItemB = makeItemB();

const customers = new Map();
for (let i = 0; i < 200; i++) {
  const c = new Customer("customer-" + i);
  for (let j = 0; j < 3; j++) c.orders.push(new Order(i * 10 + j, [j, j + 1, { sku: "s" + j, qty: j }]));
  customers.set(c.name, c);
}
const seen = new WeakMap();
for (const c of customers.values()) seen.set(c, { visits: c.orders.length, last: new Date(0) });
const keyOnlyHere = {};
seen.set(keyOnlyHere, { lonely: true });
// Property values are strings so that every property has an edge (small integers have none).
const points = Array.from({ length: 500 }, (_, i) => ({ x: "x" + i, y: "y" + i }));
const labels = Array.from({ length: 50 }, (_, i) => ({ id: "id" + i, label: "l" + i, "odd, name": "v" + i }));
const ring = { name: "ring-0" };
let cursor = ring;
for (let i = 1; i < 20; i++) cursor = cursor.next = { name: "ring-" + i };
cursor.next = ring;
let counter = 0;
const tick = () => ++counter;
const bigArray = new Float64Array(10_000);
const sparse = [];
sparse[1000] = "far";

globalThis.engineHeap = {
  customers, seen, keyOnlyHere, points, labels, ring, tick, bigArray, sparse,
  items: [new ItemA(1), new ItemA(2), new ItemB(3)],
  weak: new WeakRef(customers.get("customer-1")),
  text: "héllo wörld \u{1F600} " + String(Date.now()).slice(0, 3),
  registry: new FinalizationRegistry(() => {}),
};

await snapshotTo();
