import { test } from "uvu";
import * as assert from "uvu/assert";
import { EPHEMERON_EDGE_NAME, ephemeronPairTable, matchEphemeronName } from "../src/engine/phases/ephemeron-edges.ts";

/** What DevTools' own pattern says about a name. */
function byRegex(name: string): { pairStart: number; tableId: number } | null {
  const m = EPHEMERON_EDGE_NAME.exec(name);
  if (!m?.groups) return null;
  return { pairStart: name.length - m.groups.pair.length, tableId: parseInt(m.groups.tableId, 10) };
}

function fast(name: string): { pairStart: number; tableId: number } | null {
  const m = matchEphemeronName(name);
  return m && { pairStart: m.pairStart, tableId: m.tableId };
}

const cases = [
  "3 / part of key (Key @7) -> value (Value @9) pair in WeakMap (table @11)",
  "12 / part of key (Object @123) -> value (system / Context @4) pair in WeakMap (table @901)",
  "1 / part of key ( @7) -> value ( @9) pair in WeakMap (table @11)",
  "1 / part of key (a) -> value (b @1 @7) -> value (c @9) pair in WeakMap (table @11)",
  "1 / part of key (k @7) -> value (v @x9) pair in WeakMap (table @11)",
  "1 / part of key (k @7) -> value (v @9) pair in WeakMap (table @)",
  "1 / part of key (k @7) -> value (v @9) pair in WeakMap (table @11) ",
  " / part of key (k @7) -> value (v @9) pair in WeakMap (table @11)",
  "x1 / part of key (k @7) -> value (v @9) pair in WeakMap (table @11)",
  "1 / part of key (k\n @7) -> value (v @9) pair in WeakMap (table @11)",
  "1 / part of key (k @7) -> value (v\u2028 @9) pair in WeakMap (table @11)",
  "1 / part of key (k @) -> value (v @9) pair in WeakMap (table @11)",
  "1 / part of key (k@7) -> value (v @9) pair in WeakMap (table @11)",
  "1 / part of key (k @7)-> value (v @9) pair in WeakMap (table @11)",
  "1 / part of key (k @7) -> value (v @9) pair in WeakMap (table @11)) pair in WeakMap (table @12)",
  "1 / part of key (k @7) -> value (v @9 pair in WeakMap (table @11)",
  "12 / part of key (k @7) -> value (v @9) pair in WeakSet (table @11)",
  "elements",
  "",
];

test("the fast matcher agrees with DevTools' pattern on tricky names", () => {
  for (const name of cases) assert.equal(fast(name), byRegex(name), JSON.stringify(name));
  assert.ok(cases.filter((c) => byRegex(c)).length >= 3, "some names do match");
});

test("the fast matcher agrees with DevTools' pattern on random mutations", () => {
  const pieces = ["1", "23", " ", "@", "(", ")", " @", "7", ") -> value (", " / part of key (", " pair in WeakMap (table @", "x", "\n", "K"];
  let seed = 12345;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  let matched = 0;
  for (let round = 0; round < 20000; round++) {
    const base = cases[random(4)];
    const at = random(base.length + 1);
    const cut = random(4);
    const name = base.slice(0, at) + pieces[random(pieces.length)] + base.slice(at + cut);
    const expected = byRegex(name);
    if (expected) matched++;
    assert.equal(fast(name), expected, JSON.stringify(name));
  }
  assert.ok(matched > 1000, `only ${matched} mutated names matched`);
});

test("pairs are told apart by their whole shared part, even when ids and lengths collide", () => {
  const { pairOfName, tableId, pairCount } = ephemeronPairTable([
    "<dummy>",
    "1 / part of key (A @7) -> value (V @9) pair in WeakMap (table @11)",
    "2 / part of key (A @7) -> value (V @9) pair in WeakMap (table @11)",
    "3 / part of key (B @7) -> value (V @9) pair in WeakMap (table @11)", // same ids and length, other key name
    "44 / part of key (B @7) -> value (V @9) pair in WeakMap (table @11)",
    "5 / part of key (A @7) -> value (V @9) pair in WeakMap (table @12)",
    "map",
  ]);
  assert.equal(Array.from(pairOfName), [-1, 0, 0, 1, 1, 2, -1]);
  assert.equal([tableId[0], tableId[2]], [11, 12]);
  assert.is(pairCount, 3);
});

test.run();
