/**
 * The answer `heapgraph watch` gives when a growing class is clicked: what holds its new
 * instances (growing holders across two snapshots of one connection) and the chain to one
 * instance, with its drawing.
 *
 * @module
 */
import {
  growingHolders,
  holderHeadline,
  instancesOf,
  pathToRoot,
  QueryError,
  representativeInstance,
  type ChainStep,
  type HeapGraph,
  type LeakHolder,
} from "@heapgraph/graph";
import { chainGraphData, chainSvg, type InteractiveGraphData } from "@heapgraph/render";

/**
 * One step of a chain, as the page shows it (plain data; every string comes from the heap).
 *
 * @example
 * ```ts
 * const step: DiagnosisStep = { id: 123, className: "Array", label: "Array", edge: "items" };
 * ```
 */
export interface DiagnosisStep {
  readonly id: number;
  readonly className: string;
  /** The step's readable name: its label (closures, timers, modules) or its class. */
  readonly label: string;
  /** How the previous step holds it (`items`, `[3]`, `context`), or null for the first. */
  readonly edge: string | null;
  /** `×N` when the step stands for a repeated block. */
  readonly repeat: number | null;
}

/**
 * What {@link diagnoseClass} found (plain data, sent to the page as JSON).
 *
 * @example
 * ```ts
 * const d: ClassDiagnosis = await diagnoseClass(before, after, "Item");
 * console.log(d.headline);
 * ```
 */
export interface ClassDiagnosis {
  readonly className: string;
  /** The one line: the holder that grew most, or how the instance is held when no holder grew. */
  readonly headline: string;
  /** Holders of the class's new instances whose entries grew, most retained first (at most 5). */
  readonly holders: readonly { readonly headline: string; readonly id: number; readonly holds: number; readonly retainedSize: number; readonly path: readonly DiagnosisStep[] }[];
  /** Why there are no holders, when there are none (ids not stable on Bun, nothing new held). */
  readonly holdersNote: string | null;
  /** Instances of the class in the later snapshot, and how many are held as the chosen one is. */
  readonly instances: number;
  readonly held: number;
  /** The retaining chain of one representative instance, from its first user-visible root. */
  readonly chain: readonly DiagnosisStep[];
  /** The chain as the interactive graph's data (`chainGraphData`, with a bounded neighbourhood for clicks), or null. */
  readonly graph: InteractiveGraphData | null;
  /** The chain drawn as SVG (Graphviz): the fallback when the interactive data could not be made, else null. */
  readonly svg: string | null;
  /** The two samples' times (ms since the epoch). */
  readonly between: readonly [number, number];
}

/**
 * Diagnoses `className` from two snapshots of one inspector connection (`before` older):
 * `growingHolders` restricted to the class's new instances, and the chain to a representative
 * instance (`representativeInstance`: the one held the way most are), as the interactive graph's
 * data (`chainGraphData`) or, failing that, drawn with `chainSvg`.
 * Needs dominators of `after` (it is the one costly step of watching, run only when asked).
 *
 * @example
 * ```ts
 * const d = await diagnoseClass(before, after, "Item", [t0, t1]);
 * // d.headline: "Array registry.items grew 40 → 80 elements, holding 40 new objects — …"
 * ```
 */
export async function diagnoseClass(before: HeapGraph, after: HeapGraph, className: string, between: readonly [number, number] = [0, 0]): Promise<ClassDiagnosis> {
  const only = new RegExp(`^${className.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`);
  let holders: LeakHolder[] = [];
  let holdersNote: string | null = null;
  try {
    holders = growingHolders(before, after, { classes: [only], limit: 5 });
    if (holders.length === 0) holdersNote = `no holder of new ${className} instances grew between the two snapshots`;
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    holdersNote = error.message;
  }
  const instances = instancesOf(after, className);
  let chain: ChainStep[] = [];
  let held = 0;
  if (instances.length > 0) {
    const choice = representativeInstance(after, instances);
    held = choice.held;
    chain = choice.groups[0].path.length > 0 ? [...choice.groups[0].path] : [...pathToRoot(after, choice.node).steps];
  }
  let graph: InteractiveGraphData | null = null;
  let svg: string | null = null;
  if (chain.length > 0) {
    try {
      graph = chainGraphData(after, chain, { neighbourhood: { depth: 1, maxNodes: 120 } });
    } catch {
      svg = await chainSvg(after, chain).catch(() => null);
    }
  }
  const steps = chain.map(toStep);
  const headline =
    holders.length > 0
      ? holderHeadline(holders[0])
      : instances.length === 0
        ? `no ${className} instances left in the latest snapshot`
        : `${held} of ${instances.length} ${className} held through ${steps.map((s) => (s.edge ? `${s.edge} → ${s.label}` : s.label)).join(" → ")}`;
  return {
    className,
    headline,
    holders: holders.map((h) => ({ headline: holderHeadline(h), id: h.id, holds: h.holds, retainedSize: h.retainedSize, path: h.path.map(toStep) })),
    holdersNote,
    instances: instances.length,
    held,
    chain: steps,
    graph,
    svg,
    between: [between[0], between[1]],
  };
}

function toStep(step: ChainStep): DiagnosisStep {
  const edge = step.edge ? (step.edge.type === "element" ? `[${step.edge.name}]` : step.edge.name) : null;
  return { id: step.id, className: step.className, label: step.label ?? step.className, edge, repeat: step.repeat ? step.repeat.times : null };
}
