// Runs a command in its own process with a time limit, collecting its output.
import { spawn } from "node:child_process";

/** Children still running, so that an interrupted harness can end them (each leads its own process group). */
const running = new Set();

/** Ends every child still running (SIGKILL to its process group). */
export function killRunningChildren() {
  for (const child of running) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      child.kill("SIGKILL");
    }
  }
}

/**
 * Resolves `{ code, signal, timedOut, ms, stdout, stderr }`; never rejects for a
 * failing command. On time-out the whole process group gets SIGKILL.
 */
export function runChild(command, args, { timeoutMs, cwd, env, onStderr } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    running.add(child);
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.on("data", (d) => {
      stdout += d;
      if (stdout.length > 4e6) stdout = stdout.slice(-1e6); // progress spam from peer tools
    });
    child.stderr.on("data", (d) => {
      stderr += d;
      onStderr?.(String(d));
      if (stderr.length > 4e6) stderr = stderr.slice(-1e6);
    });
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          try {
            process.kill(-child.pid, "SIGKILL");
          } catch {
            child.kill("SIGKILL");
          }
        }, timeoutMs)
      : null;
    child.on("error", (err) => {
      running.delete(child);
      clearTimeout(timer);
      resolve({ code: null, signal: null, timedOut, ms: performance.now() - started, stdout, stderr: stderr + String(err) });
    });
    child.on("close", (code, signal) => {
      running.delete(child);
      clearTimeout(timer);
      resolve({ code, signal, timedOut, ms: performance.now() - started, stdout, stderr });
    });
  });
}

/**
 * The result a tool worker printed (its `BENCH_RESULT` line), or a failure saying why there is
 * none: the time limit, or the crash (V8's fatal error, the last error line of stderr).
 */
export function workerResult(run, { resultPrefix, timeoutS }) {
  const line = run.stdout.split("\n").reverse().find((l) => l.startsWith(resultPrefix));
  if (line) return JSON.parse(line.slice(resultPrefix.length));
  if (run.timedOut) return { ok: false, timedOut: true, error: `timed out after ${timeoutS} s` };
  return { ok: false, error: `exit ${run.code ?? run.signal}: ${crashReason(run.stderr)}` };
}

/** The telling line of a crashed worker's stderr (V8's fatal error, or the last error line). */
function crashReason(stderr) {
  const lines = stderr.split("\n").map((l) => l.trim()).filter(Boolean);
  const fatal = lines.find((l) => /FATAL ERROR|out of memory|RangeError|Invalid string length/i.test(l));
  return (fatal ?? lines.findLast((l) => /Error/.test(l)) ?? lines.at(-1) ?? "no output").slice(0, 300);
}
