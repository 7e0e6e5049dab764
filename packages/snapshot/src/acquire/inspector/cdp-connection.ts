/**
 * A small inspector-protocol client over one WebSocket: numbered commands with
 * per-command timeouts, events by method name, and every pending command rejected
 * with `TARGET_CLOSED` when the connection ends. Chrome DevTools Protocol and
 * WebKit's Inspector protocol share this message shape.
 *
 * @module
 */
import { CaptureError } from "./capture-error.ts";
import { ProtocolReplyError } from "./protocol-reply-error.ts";
import { openWebSocket } from "./websocket.ts";
import type { WireSocket } from "./wire-socket.ts";

interface Pending {
  method: string;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

type Listener = (params: Record<string, unknown>) => void;

/**
 * One open inspector connection.
 *
 * @example
 * ```ts
 * const conn = await CdpConnection.open("ws://127.0.0.1:9229/abc", 10_000);
 * try {
 *   await conn.send("HeapProfiler.collectGarbage", {}, 30_000);
 * } finally {
 *   conn.close();
 * }
 * ```
 */
export class CdpConnection {
  readonly endpoint: string;
  #socket: WireSocket;
  #nextId = 1;
  #pending = new Map<number, Pending>();
  #listeners = new Map<string, Set<Listener>>();
  #closeListeners = new Set<(error: CaptureError) => void>();
  #closed: CaptureError | null = null;

  private constructor(socket: WireSocket) {
    this.#socket = socket;
    this.endpoint = socket.url;
    socket.onmessage = (text) => this.#receive(text);
    socket.onclose = ({ code, reason, error }) => {
      const why = reason ? `${code} ${reason}` : `code ${code}`;
      this.fail(new CaptureError("TARGET_CLOSED", this.endpoint, `the connection closed (${why})`, { cause: error }));
    };
  }

  /** Connects within `timeoutMs`; rejects with `REFUSED`, `NOT_CDP` or `TIMEOUT`. */
  static async open(url: string, timeoutMs: number): Promise<CdpConnection> {
    return new CdpConnection(await openWebSocket(url, timeoutMs));
  }

  /** The error that ended the connection, or null while it is open. */
  get closedBy(): CaptureError | null {
    return this.#closed;
  }

  /**
   * Sends a command and resolves with its `result`. Rejects with `PROTOCOL` on an error
   * reply, `TIMEOUT` after `timeoutMs` (pass `Infinity` to wait for as long as the
   * connection lives), `TARGET_CLOSED` when the connection ends first.
   */
  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown>, timeoutMs: number): Promise<T> {
    if (this.#closed) return Promise.reject(this.#closed);
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      const pending: Pending = { method, resolve: resolve as (r: unknown) => void, reject, timer: undefined };
      if (Number.isFinite(timeoutMs)) {
        pending.timer = setTimeout(() => {
          this.#pending.delete(id);
          reject(new CaptureError("TIMEOUT", this.endpoint, `no reply to ${method} within ${timeoutMs} ms`));
        }, timeoutMs);
      }
      this.#pending.set(id, pending);
      try {
        this.#socket.send(JSON.stringify({ id, method, params }));
      } catch (error) {
        this.#settle(id);
        reject(new CaptureError("TARGET_CLOSED", this.endpoint, `could not send ${method}`, { cause: error }));
      }
    });
  }

  /** Calls `listener` with the params of every `method` event; returns the unsubscribe function. */
  on(method: string, listener: Listener): () => void {
    let set = this.#listeners.get(method);
    if (!set) this.#listeners.set(method, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Calls `listener` once when the connection ends, with the reason; returns the unsubscribe function. */
  onClose(listener: (error: CaptureError) => void): () => void {
    this.#closeListeners.add(listener);
    return () => this.#closeListeners.delete(listener);
  }

  /** Stops reading from the network when the transport allows it (backpressure). */
  pause(): boolean {
    return this.#socket.pause();
  }

  resume(): void {
    this.#socket.resume();
  }

  /** Ends the connection with `error`: every pending command rejects with it, close listeners hear it. */
  fail(error: CaptureError): void {
    if (this.#closed) return;
    this.#closed = error;
    for (const [id, pending] of [...this.#pending]) {
      this.#settle(id);
      pending.reject(error);
    }
    for (const listener of this.#closeListeners) listener(error);
    this.#closeListeners.clear();
    this.#listeners.clear();
    try {
      this.#socket.close();
    } catch {
      // already closed
    }
  }

  /** Closes the connection; commands still pending reject with `TARGET_CLOSED`. */
  close(): void {
    this.fail(new CaptureError("TARGET_CLOSED", this.endpoint, "the connection was closed by this client"));
  }

  #settle(id: number): Pending | undefined {
    const pending = this.#pending.get(id);
    if (pending) {
      this.#pending.delete(id);
      if (pending.timer !== undefined) clearTimeout(pending.timer);
    }
    return pending;
  }

  #receive(text: string): void {
    let message: { id?: number; method?: string; params?: Record<string, unknown>; result?: unknown; error?: { code?: number; message?: string } };
    try {
      message = JSON.parse(text);
    } catch (error) {
      this.fail(new CaptureError("PROTOCOL", this.endpoint, `the inspector sent a message that is not JSON: ${text.slice(0, 80)}`, { cause: error }));
      return;
    }
    if (typeof message.id === "number") {
      const pending = this.#settle(message.id);
      if (!pending) return;
      if (message.error) {
        const reply = new ProtocolReplyError(pending.method, message.error.code ?? 0, message.error.message ?? "unknown error");
        pending.reject(new CaptureError("PROTOCOL", this.endpoint, reply.message, { cause: reply }));
      } else {
        pending.resolve(message.result ?? {});
      }
      return;
    }
    if (typeof message.method === "string") {
      const set = this.#listeners.get(message.method);
      if (set) for (const listener of set) listener(message.params ?? {});
    }
  }
}
