// A snapshot whose string table alone is larger than the longest string a JavaScript runtime
// can hold (V8: 0x1fffffe8 characters, ~512 MB) must load: the reader never joins the table
// into one string. The snapshot is generated as a stream and never exists whole.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readSnapshot } from "../src/index.ts";

const V8_MAX_STRING = 0x1fffffe8;
const STRING_CHARS = 1 << 16;
const STRINGS = Math.ceil(V8_MAX_STRING / STRING_CHARS) + 200;

async function* hugeStringTable(): AsyncGenerator<Uint8Array> {
  const enc = new TextEncoder();
  yield enc.encode(
    '{"snapshot":{"meta":{"node_fields":["type","name","id","self_size","edge_count"],"node_types":[["hidden","synthetic"]],' +
      '"edge_fields":["type","name_or_index","to_node"],"edge_types":[["element","property"]]},"node_count":2,"edge_count":1},' +
      `"nodes":[1,0,1,0,1,0,${STRINGS},3,0,0],"edges":[1,1,5],"strings":["<dummy>"`,
  );
  // One record per string: ,"<k>xxxx…x" — the marker keeps the strings apart.
  const record = new Uint8Array(STRING_CHARS + 3);
  record.fill(0x78);
  record[0] = 0x2c;
  record[1] = 0x22;
  record[record.length - 1] = 0x22;
  for (let k = 1; k <= STRINGS; k++) {
    const chunk = record.slice();
    chunk.set(enc.encode(String(k).padStart(6, "0")), 2);
    yield chunk;
  }
  yield enc.encode("]}");
}

test(`a string table of ${Math.round((STRINGS * STRING_CHARS) / 2 ** 20)} MB (beyond V8's string limit) loads`, async () => {
  const snap = await readSnapshot(hugeStringTable());
  assert.is(snap.strings.length, STRINGS + 1);
  let total = 0;
  for (const s of snap.strings) total += s.length;
  assert.ok(total > V8_MAX_STRING, `${total} characters in the table`);
  assert.is(snap.strings[STRINGS].length, STRING_CHARS);
  assert.ok(snap.strings[STRINGS].startsWith(String(STRINGS).padStart(6, "0")), "the last string is the last one written");
  assert.is(snap.strings[snap.nodeName[1]], snap.strings[STRINGS], "a node named by the last string");
});

test.run();
