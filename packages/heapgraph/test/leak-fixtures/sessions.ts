// The code under test in the per-runner leak tests: a login that keeps every Session in a
// module-level array (the leak) and its fix.
export class Session {
  readonly user: string;
  readonly scratch: string[];
  constructor(user: string) {
    this.user = user;
    this.scratch = new Array(20).fill(user);
  }
}

const openSessions: Session[] = [];
let next = 0;

/** Leaks: every session stays in `openSessions`. */
export function leakyLogin(): number {
  const session = new Session(`user${next++}`);
  openSessions.push(session);
  return session.scratch.length;
}

/** The fix: the session ends with the call. */
export function fixedLogin(): number {
  const session = new Session(`user${next++}`);
  return session.scratch.length;
}
