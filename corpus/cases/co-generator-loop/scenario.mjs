// tj/co#180 "Aggressive Memory Leak" (co 4.0.x): a generator that loops forever (`for (;;) yield sleep()`)
// run by co() grows the heap by a few hundred bytes per iteration until the process dies.
// co 4.0 drove the generator by chaining: each step returned `value.then(onFulfilled)`, and
// onFulfilled returned the next step's promise, so every step's promise is resolved with the next
// one and stays pending, held by it, for as long as the loop runs: one Promise (plus its reaction
// and resolving functions) per iteration, reachable from the promise the loop is waiting on.
// Fixed in co 4.1.0 (tj/co#182, "fix memory leak #180"): co wraps the run in one `new Promise` and
// calls `value.then(onFulfilled, onRejected)` without returning it, so no chain is built.
// Here a worker loop waits on the app's job queue for the next job; one action is one job (one iteration).

/** The app's job queue, a module-level singleton: the worker loop waits on it for the next job. */
const queue = {
  waiting: null,
  next() {
    return new Promise((resolve) => (queue.waiting = resolve));
  },
  push(job) {
    queue.waiting?.(job);
  },
};

/** @param {any} co the package's default export (`co(generatorFunction)` returns a promise) */
export async function setup(co) {
  const state = { iterations: 0, stop: false, worker: null };
  state.worker = co(function* worker() {
    while (!state.stop) {
      const job = yield queue.next();
      state.iterations += job.size > 0 ? 1 : 0;
    }
  });
  return state;
}

export async function action(_state, i) {
  queue.push({ id: i, size: 1 });
  // Let the generator run up to its next `yield` before the next action.
  await new Promise((resolve) => setTimeout(resolve, 0));
}
