import type { AllocationFrame } from "../../engine/index.ts";
import type { ChainStep } from "../chains/chain-rows.ts";
import type { LeakClass, LeakHolder } from "./leak-rows.ts";
import { scriptBasename } from "../shared/script-basename.ts";
import { shortNativeName } from "../shared/native-class-name.ts";
import type { TimerSummary } from "./timer-summary.ts";

/** Classes whose representative's description names the leak better than the class does. */
const DESCRIBED_CLASSES = new Set(["Function", "Timeout", "Immediate", "Promise"]);
const LAST_STEPS = 3;

/**
 * One line that answers "what leaks, and what holds it", for a leak cluster: the growing holder,
 * how its entries grew across the snapshots and what it holds, then the code behind it —
 * `Array createDebug.instances grew 20 → 220 → 420 elements, holding 400 leaked Function
 * (debug() at common.js:71:3) — createDebug at common.js:60:21`. Without a holder (every object on
 * the path is new), the leaked objects and the last steps of their trace. Armed timers are told by
 * their callback (`200 Timeout never cleared (_onTimeout: ping() at utils.js:224:36)`). When the
 * snapshots carry allocation traces, where most of the objects were allocated ends the line
 * (`; 400 allocated at createDebug() common.js:60:21 ← handle() app.js:12:3`).
 *
 * @example
 * ```ts
 * const line = leakHeadline({ count: 400, classes, trace }, holder);
 * ```
 */
export function leakHeadline(
  cluster: {
    readonly count: number;
    readonly classes: readonly LeakClass[];
    readonly trace: readonly ChainStep[];
    readonly allocatedAt?: { readonly frames: readonly AllocationFrame[]; readonly count: number } | null;
  },
  holder: LeakHolder | null,
  timers: TimerSummary | null = null,
): string {
  return withAllocation(holderLine(cluster, holder, timers), cluster.allocatedAt ?? null);
}

/** How many frames of an allocation stack a headline shows. */
const HEADLINE_FRAMES = 2;

/** `…; allocated at makeLogger() app.js:12:3 ← handle() app.js:40:1` when the snapshots carry allocation traces. */
function withAllocation(line: string, allocatedAt: { readonly frames: readonly AllocationFrame[]; readonly count: number } | null): string {
  if (!allocatedAt || allocatedAt.frames.length === 0) return line;
  const frames = allocatedAt.frames.slice(0, HEADLINE_FRAMES).map((f) => {
    const where = f.scriptName ? ` ${scriptBasename(f.scriptName)}${f.line !== null ? `:${f.line}${f.column !== null ? `:${f.column}` : ""}` : ""}` : "";
    return `${f.functionName}()${where}`;
  });
  const more = allocatedAt.frames.length > HEADLINE_FRAMES ? " ← …" : "";
  return `${line}; ${count(allocatedAt.count)} allocated at ${frames.join(" ← ")}${more}`;
}

function holderLine(
  cluster: { readonly count: number; readonly classes: readonly LeakClass[]; readonly trace: readonly ChainStep[] },
  holder: LeakHolder | null,
  timers: TimerSummary | null,
): string {
  const what = timers ? timerObjects(cluster.count, timers) : leakedObjects(cluster);
  if (!holder) return `${what}, held by ${lastSteps(cluster.trace)}`;
  return holderSentence(holder, what, timers !== null);
}

/**
 * A growing holder in one line, for two snapshots (see `growingHolders`): what `compare` prints
 * first — `Array createDebug.instances grew 20 → 420 elements, holding 400 new objects — createDebug at common.js:64:22`.
 *
 * @example
 * ```ts
 * for (const h of growingHolders(before, after)) console.log(holderHeadline(h));
 * ```
 */
export function holderHeadline(holder: LeakHolder): string {
  return holderSentence(holder, `${count(holder.holds)} new ${holder.holds === 1 ? "object" : "objects"}`, false);
}

/** `<holder> grew a → b → c <unit>, holding <what> — <code>`, or `<what>, held by <holder>` where the holder comes second. */
function holderSentence(holder: LeakHolder, what: string, timers: boolean): string {
  // A holder created since the first snapshot grew from nothing.
  const counts = holder.entries.map((n) => n ?? 0);
  const grew = counts.length >= 2 && counts[counts.length - 1] > counts[0];
  const name =
    holder.kind === "scope" ? `the scope of ${holder.label || "a function"}`
    : holder.kind === "listeners" ? `${holder.label} event listeners`
    : `${holder.className}${holder.label ? ` ${holder.label}` : ""}`;
  const code = holder.code ? ` — ${holder.code.functionName} at ${scriptBasename(holder.code.script)}:${holder.code.line}:${holder.code.column}` : "";
  const growth = `${holder.entries.map(count).join(" → ")} ${holder.unit}`;
  // A GC root category's references are the engine's bookkeeping, not a collection that grew.
  if (holder.kind === "root") return `${what}, held by ${name}${code}`;
  // Timers first: the callback is the lead; the timer list that holds them is the runtime's.
  if (timers) return `${what}, held by ${name}${grew ? ` (grew ${growth})` : ""}${code}`;
  if (grew) return `${name} grew ${growth}, holding ${what}${code}`;
  return `${name} holds ${what}${code}`;
}

/** A cluster of armed timers, told by their callback: `200 Timeout never cleared (_onTimeout: ping() at utils.js:224:36), 590 leaked objects in all`. */
function timerObjects(total: number, timers: TimerSummary): string {
  const callback = timers.callback ? ` (${timers.callbackEdge}: ${timers.callback})` : "";
  return `${count(timers.count)} ${timers.className} never cleared${callback}, ${count(total)} leaked objects in all`;
}

function leakedObjects(cluster: { readonly count: number; readonly classes: readonly LeakClass[]; readonly trace: readonly ChainStep[] }): string {
  const [top, second] = cluster.classes.map((c) => ({ ...c, name: shortNativeName(c.name) }));
  if (!top) return `${count(cluster.count)} leaked objects`;
  const chain = longestRepeat(cluster.trace);
  const last = cluster.trace.at(-1);
  const described = last && last.className === top.name && DESCRIBED_CLASSES.has(top.name) && last.preview && last.preview !== top.name ? ` (${last.preview})` : "";
  const inChain = chain ? ` in a chain (${chain})` : "";
  if (!second) return `${count(cluster.count)} leaked ${top.name}${described}${inChain}`;
  const others = cluster.classes.length > 2 ? ", …" : "";
  return `${count(cluster.count)} leaked objects (${count(top.count)} ${top.name}${described}, ${count(second.count)} ${second.name}${others})${inChain}`;
}

/** Fewest repetitions for a repeated block of the trace to be called a chain. */
const CHAIN_TIMES = 10;

/** The trace's longest repeated block, when it repeats at least 10 times: `Promise.reactions_or_result → … ×8,348`. */
function longestRepeat(trace: readonly ChainStep[]): string | null {
  let at = -1;
  trace.forEach((s, i) => {
    if (s.repeat && s.repeat.times >= CHAIN_TIMES && (at < 0 || s.repeat.times > trace[at].repeat!.times)) at = i;
  });
  if (at < 1) return null;
  const { times, period } = trace[at].repeat!;
  // Name the cycle from a program object when one is in it: `Promise.reactions_or_result`, not
  // `(system)[2]` — step k's edge is held by the node before it.
  let k = 0;
  for (let i = 0; i < period; i++) {
    const holder = trace[at + i - 1];
    if (holder && !holder.className.startsWith("(") && !holder.className.startsWith("system / ")) {
      k = i;
      break;
    }
  }
  const holder = trace[at + k - 1], edge = trace[at + k]?.edge;
  const link = edge ? (edge.type === "element" || edge.type === "hidden" ? `[${edge.name}]` : `.${edge.name}`) : "";
  return `${holder.className}${link} → … ×${count(times)}`;
}

/** The trace's last steps as `Class.edge.edge`, repeats marked `×N`. */
function lastSteps(trace: readonly ChainStep[]): string {
  const tail = trace.slice(-LAST_STEPS - 1);
  return tail
    .map((s, i) => {
      const times = s.repeat ? ` ×${count(s.repeat.times)}` : "";
      if (i === 0 || !s.edge) return `${s.className}${times}`;
      const edge = s.edge.type === "element" ? `[${s.edge.name}]` : `.${s.edge.name}`;
      return `${edge}${times}`;
    })
    .join("");
}

function count(n: number | null): string {
  return n === null ? "none" : n.toLocaleString("en-US");
}

