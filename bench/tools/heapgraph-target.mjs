// Which nodes the query benchmarks start from, chosen the same way on every snapshot:
// `object` nodes far from the roots (ties: the lowest ordinal first). The farthest one's
// path to the roots is the longest a user could ask for.

/** Strong-reachability test: DevTools gives unreachable nodes a negative distance and system-only ones ≥ 10^8. */
const reachable = (d) => d >= 0 && d < 1e8;

/**
 * Up to `perLevel` reachable `object` nodes at each distance from the roots, the
 * farthest level first (lowest ordinals first within a level).
 */
export function objectsAcrossDepths(graph, distances, perLevel) {
  const levels = [];
  for (let o = 0; o < distances.length; o++) {
    const d = distances[o];
    if (!reachable(d)) continue;
    const level = (levels[d] ??= []);
    if (level.length < perLevel && graph.nodeTypeName(o) === "object") level.push(o);
  }
  const out = [];
  for (let d = levels.length - 1; d >= 0; d--) if (levels[d]) out.push(...levels[d]);
  return out;
}

/**
 * Up to `limit` ordinals of reachable `object` nodes, farthest from the roots first.
 * Falls back to nodes of any type when no object is reachable.
 */
export function deepObjects(graph, distances, limit) {
  let maxDistance = -1;
  for (let o = 0; o < distances.length; o++) if (reachable(distances[o]) && distances[o] > maxDistance) maxDistance = distances[o];
  if (maxDistance < 0) throw new Error("no node is reachable from the roots");
  const byDistance = Array.from({ length: maxDistance + 1 }, () => []);
  const anyType = [];
  for (let o = 0; o < distances.length; o++) {
    const d = distances[o];
    if (!reachable(d)) continue;
    if (graph.nodeTypeName(o) === "object") byDistance[d].push(o);
    else if (anyType.length < limit && d === maxDistance) anyType.push(o);
  }
  const out = [];
  for (let d = maxDistance; d >= 0 && out.length < limit; d--) for (const o of byDistance[d]) if (out.length < limit) out.push(o);
  return out.length > 0 ? out : anyType;
}

/** The reachable `object` node farthest from the roots. */
export function deepestObject(graph, distances) {
  return deepObjects(graph, distances, 1)[0];
}
