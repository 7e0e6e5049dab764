// memlab's three snapshots on a recursive promise chain that never ends — the polling loop written
// as `loop = () => delay().then(loop)`: every promise resolves with the next one, so the first
// promise's reactions hold the whole chain. Snapshots (argv[2] is a directory):
//   baseline.heapsnapshot  after 50 rounds of the loop;
//   target.heapsnapshot    after 2,000 more (the chain is ~2,050 promises deep);
//   final.heapsnapshot     after 500 more: nothing of the chain was freed.
// argv[3], when given, is the number of rounds between baseline and target (default 2,000).
import { snapshotSeries } from "./heap-snapshot-here.mjs";

const ROUNDS = Number(process.argv[3] ?? 2000);

let round = 0;
let wanted = 50;
let reached = () => {};
const delay = () => new Promise((resolve) => setImmediate(resolve));
const poll = () =>
  delay().then(() => {
    round++;
    if (round === wanted) reached();
    return poll();
  });

const until = (n) => new Promise((resolve) => ((wanted = n), (reached = resolve)));
const snapshot = snapshotSeries();
globalThis.pollingLoop = poll();

await until(50);
await snapshot("baseline");
await until(50 + ROUNDS);
await snapshot("target");
await until(50 + ROUNDS + ROUNDS / 4);
await snapshot("final");
process.exit(0);
