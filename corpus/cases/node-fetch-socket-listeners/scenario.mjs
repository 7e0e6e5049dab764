// node-fetch/node-fetch#1295 "MaxListenersExceededWarning: Possible EventEmitter memory leak
// detected. 11 data listeners added to [TLSSocket]" (node-fetch 3.0 to 3.2.4; the same with http).
// The report's repro: an Agent with keepAlive: true, then many requests. For every request,
// fixResponseChunkedTransferBadEnding() does socket.prependListener('close', onSocketClose) and
// socket.on('data', ...) on the request's socket; with keep-alive the next request gets the same
// socket, and the listeners (closures over the request's state and its last chunk) pile up in the
// socket's _events. Fixed by node-fetch/node-fetch#1474 (3.2.5): both are removed on request 'close'.
// Here a local HTTP server and one keep-alive socket (maxSockets: 1); one action is one request.
import http from "node:http";

/** @param {any} fetch the package's default export */
export async function setup(fetch) {
  const server = http.createServer((request, response) => response.end(`hello ${request.url}`));
  // Never close an idle connection: taking a snapshot stops the process for seconds, longer than
  // the default 5 s, and a new socket would drop the old one's listeners with it.
  server.keepAliveTimeout = 0;
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return { fetch, server, agent, url: `http://127.0.0.1:${server.address().port}/` };
}

export async function action(state, i) {
  const response = await state.fetch(`${state.url}?request=${i}`, { agent: state.agent });
  await response.text();
}

export async function teardown(state) {
  state.agent.destroy();
  state.server.close();
}
