// jacoborus/nanobar#40 "Fixed memory leak." (nanobar 0.2.1, the version on npm until 0.4). Every
// `nanobar.go(100)` finishes the current progress bar and starts a new one; 300 ms after it reached
// 100% the finished bar's <div> is removed from the page, but the bar object, which holds the <div>,
// stays in the instance's `bars` array (`init` unshifts each new bar, nothing takes one out). A
// single-page app that shows one bar per navigation keeps one detached <div> per navigation.
// The fix (merged 2016-04-02, first released in 0.4.0) splices the finished bar out of `bars`;
// 0.4.x keeps no list of bars at all.
// Runs in the page (corpus/run-chromium-case.mjs): one action is one navigation of the app, which
// starts the bar and finishes it; `settle` waits until the finished bars have left the page.

/** The package's browser build and the global it defines. */
export const browserBuild = { file: "nanobar.js", global: "Nanobar" };

/** The app's progress bar, kept in a module variable as apps keep it. */
let progress = null;

/** @param {any} Nanobar the constructor the browser build defines */
export async function setup(Nanobar) {
  // The app's header, not displayed: the bars go through the same steps as on screen, but nothing is
  // laid out, so Chromium records no layout-shift entries (a bounded buffer of its own, not the case).
  const target = document.createElement("header");
  target.hidden = true;
  document.getElementById("app").append(target);
  progress = new Nanobar({ target, id: "progress" });
  return { nanobar: progress, navigations: 0 };
}

export async function action(state, i) {
  // A route change: the app shows progress, then the new view is ready.
  state.nanobar.go(30);
  state.nanobar.go(100);
  state.navigations = i + 1;
}

/** Waits until only the fresh bar is left in the container (the finished ones are removed 300 ms after their animation). */
export async function settle(state) {
  const deadline = Date.now() + 10_000;
  while (state.nanobar.el.childElementCount > 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  // Let the removal timers' tasks end before the snapshot.
  await new Promise((resolve) => setTimeout(resolve, 50));
}
