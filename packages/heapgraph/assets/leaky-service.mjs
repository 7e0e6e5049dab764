// A small order service with a classic Node leak, for `heapgraph demo`.
//
// Every POST-like request to /orders makes a RequestContext (the request's id, its path, a
// payload of a few hundred bytes) and subscribes to the long-lived `settings` emitter so the
// request "sees configuration changes while it runs". Nobody unsubscribes when the request is
// done, so every listener closure, and the RequestContext it holds, lives as long as the
// process. /health does nothing worth keeping. /stats says how many listeners piled up.
//
// Plain JavaScript with no dependencies, so that any Node (or Deno) runs it with --inspect.
// Listens on 127.0.0.1 on a free port and prints `leaky-service listening on http://127.0.0.1:PORT`.
import { EventEmitter } from "node:events";
import { createServer } from "node:http";

class RequestContext {
  constructor(id, path) {
    this.id = id;
    this.path = path;
    this.startedAt = Date.now();
    this.payload = { items: Array.from({ length: 16 }, (_, i) => ({ sku: `sku-${id}-${i}`, quantity: i + 1 })) };
    this.settings = null;
  }

  applySettings(settings) {
    this.settings = settings;
  }
}

const settings = new EventEmitter();
settings.setMaxListeners(0);
let nextId = 1;

function handleOrder(request, response) {
  const context = new RequestContext(nextId++, request.url);
  // The leak: a listener per request, never removed, holding the request's context.
  settings.on("change", (next) => context.applySettings(next));
  const total = context.payload.items.reduce((sum, item) => sum + item.quantity, 0);
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify({ id: context.id, total }));
}

const server = createServer((request, response) => {
  if (request.url === "/health") {
    response.writeHead(200, { "content-type": "text/plain" });
    response.end("ok\n");
  } else if (request.url?.startsWith("/orders")) {
    handleOrder(request, response);
  } else if (request.url === "/stats") {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ listeners: settings.listenerCount("change") }));
  } else {
    response.writeHead(404, { "content-type": "text/plain" });
    response.end("not found\n");
  }
});
server.keepAliveTimeout = 1000;

server.listen(0, "127.0.0.1", () => {
  console.log(`leaky-service listening on http://127.0.0.1:${server.address().port}`);
});
