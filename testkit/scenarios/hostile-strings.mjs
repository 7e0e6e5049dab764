// A heap whose strings attack HTML: class names, property names, string values, Map keys and a
// script URL (a `//# sourceURL`) hold `<script>`, `"><img onerror>`, `</svg>`, `</script>`, `<!--`
// and the line / paragraph separators U+2028 / U+2029. Everything hangs off one
// `HostileHolder` (globalThis.hostileHolder) that tests find by class name; its `victim` is an
// instance of the class named `<script>alert(1)</script>`. One snapshot to argv[2].
// The strings are listed in testkit/src/hostile-snapshot.ts (HOSTILE_STRINGS); keep both in step.
import { snapshotTo } from "./heap-snapshot-here.mjs";

const HOSTILE = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "</svg><script>alert(2)</script>",
  "</script><script>alert(3)</script>",
  "<!--<script>alert(4)//",
  "sep\u2028line\u2029para",
];

// One class per hostile string, named by it. V8 names an object after its constructor's source
// name, else after a `Symbol.toStringTag` data property: class names cannot hold `<`, the tag can.
const classes = HOSTILE.map((name) => tagged([class {}][0], name)); // anonymous classes: no source name

function tagged(C, name) {
  Object.defineProperty(C.prototype, Symbol.toStringTag, { value: name });
  return C;
}

class HostileHolder {
  constructor() {
    this.victim = new classes[0]();
    this.instances = classes.map((C) => new C());
    this.byName = {};
    for (const s of HOSTILE) this.byName[s] = `value ${s}`;
    this.values = HOSTILE.map((s) => `${s} (a string value)`);
    this.table = new Map(HOSTILE.map((s) => [s, { [s]: s }]));
    // A function whose script URL is hostile (V8 names the script after sourceURL).
    this.fromHostileScript = new Function("holder", `return function hostileScriptFunction() { return holder; }\n//# sourceURL=${HOSTILE[0].replace(/\s/g, "")}.js`)(this);
    this.victim.back = this;
    this.victim[HOSTILE[1]] = this.values;
  }
}

globalThis.hostileHolder = new HostileHolder();
await snapshotTo();
