// A small program with a few shapes worth finding in a heap snapshot:
// - customers: a Map of 10 Customer objects, each with 3 Order objects (30 orders);
// - seen: a WeakMap from each Customer to a { visits } object;
// - tick: a closure over the context variable `counter`;
// - greeting: a non-ASCII string (accents and an astral emoji);
// - weak: a WeakRef to an Order with id -1.
// All of it hangs off globalThis.sampleApp. Writes one snapshot to argv[2].
import { snapshotTo } from "./heap-snapshot-here.mjs";

class Order {
  constructor(id, items) {
    this.id = id;
    this.items = items;
    this.note = "order #" + id;
  }
}
class Customer {
  constructor(name) {
    this.name = name;
    this.orders = [];
  }
}
const customers = new Map();
for (let i = 0; i < 10; i++) {
  const c = new Customer("customer-" + i);
  for (let j = 0; j < 3; j++) c.orders.push(new Order(i * 10 + j, [j, j + 1]));
  customers.set(c.name, c);
}
const seen = new WeakMap();
for (const c of customers.values()) seen.set(c, { visits: c.orders.length });
let counter = 0;
const tick = () => ++counter; // sampleTick: a closure over a context variable
globalThis.sampleApp = { customers, seen, tick, greeting: "héllo wörld \u{1F600}", weak: new WeakRef(new Order(-1, [])) };
await snapshotTo();
