// node-cron/node-cron#348 "Possible memory leak because of undestroyed tasks" (node-cron 3.x).
// The report reschedules its job again and again: stop every task, then schedule a new one.
// node-cron 3.x saves each task in `global.scheduledTasks` (a Map keyed by a generated name)
// and nothing ever deletes it: stop() only halts the timer, and 3.x has no destroy(), so every
// task ever scheduled, with its function and what that closes over, stays in the Map.
// node-cron 4.x (TaskRegistry) removes a task from its registry when it is destroyed.
// One action = one reschedule: remove the previous task the way the version offers
// (4.x destroy(), 3.x stop()), then schedule a new task whose function closes over its config.

class JobConfig {
  constructor(i) {
    this.id = i;
    this.recipients = Array.from({ length: 8 }, (_, k) => `user${i}-${k}@example.test`);
  }
}

/** @param {any} cron the package's default export */
export async function setup(cron) {
  return { cron, task: null };
}

export async function action(state, i) {
  if (state.task) remove(state.task);
  const config = new JobConfig(i);
  // Once a year: the function never runs during the scenario; only the bookkeeping matters.
  state.task = state.cron.schedule("0 0 1 1 *", () => config.recipients.length, { scheduled: true });
}

export async function teardown(state) {
  if (state.task) remove(state.task);
}

function remove(task) {
  if (typeof task.destroy === "function") task.destroy();
  else task.stop();
}
