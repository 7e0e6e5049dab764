// yjs/y-websocket#23 "Memory leak?" (y-websocket 1.3.3, the server's bin/utils.js). setupWSConnection()
// starts a 30-second ping interval per connection; when a client disconnects, the 'close' handler
// removes the connection from the document but never clears the interval, and as the connection is
// no longer in `doc.conns` the interval's callback does nothing and never clears itself either. The
// interval stays armed forever, and its callback closes over the connection, the HTTP request and
// the document: one timer and one dead connection per client that ever connected.
// Fixed in 1.3.5 (yjs/y-websocket#30, "Add clearInterval calls to clean up closure passed to
// setInterval"): the 'close' handler calls clearInterval(pingInterval).
// Here one action is one client that connects to the room and disconnects. The connection is a
// small stand-in for ws's WebSocket (what the server passes in): an EventEmitter with send/ping/close.
import { EventEmitter } from "node:events";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** A server-side WebSocket as setupWSConnection uses it. */
class ClientSocket extends EventEmitter {
  constructor(id) {
    super();
    this.id = id;
    this.readyState = 1;
    this.binaryType = "nodebuffer";
    this.sent = [];
  }
  send(message, callback) {
    this.sent.push(message);
    callback?.(null);
  }
  ping() {}
  close() {
    this.readyState = 3;
  }
}

/**
 * @param {any} _client the package's main export (the browser-side provider; unused)
 * @param {{ alias: string }} version which installed y-websocket this run uses
 */
export async function setup(_client, { alias }) {
  // The server half lives in bin/utils.js (`bin/server.js` runs it behind `ws`).
  const { setupWSConnection } = require(`${alias}/bin/utils.js`);
  return { setupWSConnection, clients: 0 };
}

export async function action(state, i) {
  const conn = new ClientSocket(i);
  const req = { url: "/room-1", headers: { "user-agent": "corpus", cookie: `session=${"s".repeat(32)}${i}` } };
  state.setupWSConnection(conn, req);
  // The client goes away (closed tab, dropped network): ws emits 'close' on the server's socket.
  conn.emit("close", 1001, "going away");
  state.clients++;
}
