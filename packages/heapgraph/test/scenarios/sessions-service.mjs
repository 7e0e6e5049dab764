// A small HTTP service. With LEAK=1 every /login request leaves its Session in `sessions`, which
// nothing ever empties; without it the session ends with the request.
import { createServer } from "node:http";
import process from "node:process";

const leak = process.env.LEAK === "1";
const sessions = [];

class Session {
  constructor(user) {
    this.user = user;
    this.started = Date.now();
    this.scratch = new Array(50).fill(user);
  }
}

const server = createServer((req, res) => {
  const session = new Session(req.url ?? "");
  if (leak) sessions.push(session);
  res.end(`hello ${session.user} (${sessions.length} kept)\n`);
});
server.keepAliveTimeout = 1;
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address();
  console.log(`listening on http://127.0.0.1:${port}`);
});
