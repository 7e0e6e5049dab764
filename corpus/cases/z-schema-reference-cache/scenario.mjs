// zaggino/z-schema#192 "Possible memory leak" (z-schema 3.18.3, via swagger-node-runner).
// A service keeps one validator and validates each request body against a schema written as an
// object literal at the call site: `validator.validate(body, { type: "object", ... })`.
// z-schema 3.18.3 looks a schema object up in `validator.referenceCache`, a ReferenceCache whose
// `map` is a Map keyed by the schema object itself; a fresh literal never hits, so every call
// stores the literal and a deep clone of it (compiled) in the Map, for the validator's lifetime.
// 3.18.4 reverts to a deep-equal lookup: equal schemas share one entry.
// One action = one validated request body.

/** @param {any} ZSchema the package's default export (the validator class) */
export async function setup(ZSchema) {
  return { validator: new ZSchema() };
}

export async function action(state, i) {
  const body = { id: i, name: `order ${i}`, lines: [{ sku: `sku-${i}`, quantity: 1 + (i % 3) }] };
  const valid = state.validator.validate(body, {
    type: "object",
    required: ["id", "lines"],
    properties: {
      id: { type: "integer" },
      name: { type: "string" },
      lines: { type: "array", items: { type: "object", required: ["sku"], properties: { sku: { type: "string" }, quantity: { type: "integer", minimum: 1 } } } },
    },
  });
  if (!valid) throw new Error(`request ${i} failed validation: ${JSON.stringify(state.validator.getLastErrors())}`);
}
