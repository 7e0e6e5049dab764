/**
 * What the inspector client needs from a WebSocket, whichever implementation carries it (the
 * runtime's global `WebSocket`, or the `ws` package on Node 20).
 *
 * @module
 */

/**
 * How the connection ended. `error` is set when the transport failed rather than closed.
 *
 * @example
 * ```ts
 * socket.onclose = ({ code, reason, error }) => console.log(code, reason, error ?? "closed cleanly");
 * ```
 */
export interface SocketClose {
  code: number;
  reason: string;
  error?: unknown;
}

/**
 * The few things the inspector clients need from a WebSocket: text frames both ways, close,
 * and backpressure where the transport has it.
 *
 * @example
 * ```ts
 * const socket: WireSocket = await openWebSocket("ws://127.0.0.1:9229/abc", 10_000);
 * socket.onmessage = (text) => console.log(text);
 * socket.send(JSON.stringify({ id: 1, method: "HeapProfiler.enable", params: {} }));
 * ```
 */
export interface WireSocket {
  readonly url: string;
  send(text: string): void;
  close(): void;
  /** Stops reading from the network; false when the transport cannot (the global WebSocket). */
  pause(): boolean;
  resume(): void;
  onmessage: ((text: string) => void) | null;
  onclose: ((close: SocketClose) => void) | null;
}
