// Objects held the ways issue 14 measured chains going astray, for the chain tests
// (chains-durable.test.ts). One snapshot to argv[2].
// - a package's module-level registry array, in a CommonJS module and in an ES module (the
//   chain must read module → registry, not global → queueMicrotask → node:internal closures);
// - a Session held by a global registry *and* by this module's running frame at snapshot time
//   (the chain must take the registry and say the stack holds it too);
// - 40 RequestContext objects: 37 held through one array, 3 through a config object that
//   retains more (the representative is from the 37);
// - closures named `handler`, an interval timer whose callback `poll` holds data, a listener.
// The two modules are written next to the snapshot at run time, so that the snapshot cache
// (keyed by this file's text) changes with them.
import { EventEmitter } from "node:events";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import process from "node:process";
import { pathToFileURL } from "node:url";
import { snapshotTo } from "../../../../testkit/scenarios/heap-snapshot-here.mjs";

const dir = join(dirname(process.argv[2]), `${process.pid}-chains-durable-modules`);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "cjs-holder.cjs"), `"use strict";
const registry = [];
function register(item) { registry.push(item); }
module.exports = { registry, register };
`);
writeFileSync(join(dir, "esm-holder.mjs"), `const registry = [];
export function remember(item) { registry.push(item); }
`);

class CjsHeld {}
class EsmHeld {}
class Session {}
class RequestContext {
  constructor(payload) { this.payload = payload; }
}
class PollData {}
class CloseData {}
class HandlerData {}

const cjs = createRequire(import.meta.url)(join(dir, "cjs-holder.cjs"));
const esm = await import(pathToFileURL(join(dir, "esm-holder.mjs")).href);
for (let i = 0; i < 5; i++) cjs.register(new CjsHeld());
for (let i = 0; i < 5; i++) esm.remember(new EsmHeld());

globalThis.contexts = [];
for (let i = 0; i < 37; i++) globalThis.contexts.push(new RequestContext(i));
globalThis.config = { defaults: [] };
for (let i = 0; i < 3; i++) globalThis.config.defaults.push(new RequestContext(new Array(2000).fill(i)));

function makeHandler(data) {
  return function handler() { return data; };
}
globalThis.handlers = [makeHandler(new HandlerData()), makeHandler(new HandlerData())];

// The timer's and the listener's data are held only by their callbacks' scopes.
function startPolling(data) {
  return setInterval(function poll() { return data; }, 1000);
}
const timer = startPolling(new PollData());
// Deno's timers are numbers: keep the Node timer object alive for the snapshot either way.
globalThis.timer = timer;

function listen(emitter, data) {
  emitter.on("close", function onClose() { return data; });
}
globalThis.emitter = new EventEmitter();
listen(globalThis.emitter, new CloseData());

const session = new Session();
globalThis.sessions = [session];
await snapshotTo();
clearInterval(timer);
rmSync(dir, { recursive: true, force: true });
console.log(session ? "done" : "");
