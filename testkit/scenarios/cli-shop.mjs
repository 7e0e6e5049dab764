// For the `heapgraph` command's tests: a small shop with shapes each subcommand looks for.
// - globalThis.cliShop: a CliShop whose `carts` Map holds 8 ShopCart objects, each with 4
//   ShopLineItem objects in its `items` array (32 line items);
// - globalThis.cliShopCopies: 50 separate copies of one string ("duplicated cli shop text");
// - globalThis.cliShopHook: a closure over a ShopSecret (reachable only through the closure's context);
// - globalThis.cliShopBig: a ShopArchive holding 2000 ShopRecord objects (a big retainer).
// Writes one snapshot to argv[2].
import { snapshotTo } from "./heap-snapshot-here.mjs";

class ShopLineItem {
  constructor(sku, quantity) {
    this.sku = sku;
    this.quantity = quantity;
  }
}
class ShopCart {
  constructor(id) {
    this.id = id;
    this.items = [];
  }
}
class CliShop {
  constructor() {
    this.carts = new Map();
  }
}
class ShopSecret {
  constructor() {
    this.token = "secret-token";
  }
}
class ShopRecord {
  constructor(i) {
    this.i = i;
    this.note = `record ${i}`;
  }
}
class ShopArchive {
  constructor() {
    this.records = Array.from({ length: 2000 }, (_, i) => new ShopRecord(i));
  }
}

const shop = new CliShop();
for (let c = 0; c < 8; c++) {
  const cart = new ShopCart(c);
  for (let i = 0; i < 4; i++) cart.items.push(new ShopLineItem(`sku-${c}-${i}`, i + 1));
  shop.carts.set(c, cart);
}
const secret = new ShopSecret();
globalThis.cliShop = shop;
// join() builds a new flat string each time: 50 separate copies of one text.
globalThis.cliShopCopies = Array.from({ length: 50 }, () => ["duplicated", "cli", "shop", "text"].join(" "));
globalThis.cliShopHook = () => secret.token;
globalThis.cliShopBig = new ShopArchive();
await new Promise((resolve) => setTimeout(resolve, 0));
await snapshotTo();
