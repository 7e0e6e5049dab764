/**
 * A WebSocket client that works the same on every runtime: the runtime's global
 * `WebSocket` where it exists (Node 22+, Deno, Bun), the `ws` package on Node 20.
 * `ws` is imported lazily, only when there is no global `WebSocket`.
 *
 * @module
 */
import { concatBytes } from "../../read/concat-bytes.ts";
import { CaptureError } from "./capture-error.ts";
import type { WireSocket } from "./wire-socket.ts";

interface GlobalWebSocketLike {
  binaryType: string;
  readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: string, listener: (event: { data?: unknown; code?: number; reason?: string; message?: string; error?: unknown }) => void): void;
}
type GlobalWebSocketCtor = new (url: string) => GlobalWebSocketLike;

interface WsLike {
  send(data: string): void;
  close(): void;
  terminate(): void;
  pause(): void;
  resume(): void;
  on(event: string, listener: (...args: never[]) => void): void;
}
type WsCtor = new (url: string, options: Record<string, unknown>) => WsLike;

const decoder = new TextDecoder();

/**
 * Opens a WebSocket to `url` within `timeoutMs`. Rejects with a {@link CaptureError}:
 * `REFUSED` when nothing listens, `NOT_CDP` when an HTTP server answers but refuses
 * the WebSocket handshake, `TIMEOUT` when the handshake does not finish in time.
 *
 * @example
 * ```ts
 * const socket = await openWebSocket("ws://127.0.0.1:9229/abc", 10_000);
 * socket.onmessage = (text) => console.log(text);
 * socket.send(JSON.stringify({ id: 1, method: "Runtime.enable" }));
 * ```
 */
export async function openWebSocket(url: string, timeoutMs: number): Promise<WireSocket> {
  const Global = (globalThis as { WebSocket?: GlobalWebSocketCtor }).WebSocket;
  if (typeof Global === "function") return openGlobal(Global, url, timeoutMs);
  // A variable specifier keeps bundlers and type checkers from pulling `ws` into runtimes that never need it.
  const specifier = "ws";
  const mod = (await import(specifier)) as { WebSocket?: WsCtor; default?: WsCtor };
  const Ws = mod.WebSocket ?? mod.default;
  if (typeof Ws !== "function") throw new CaptureError("PROTOCOL", url, "the `ws` package does not export a WebSocket class");
  return openWs(Ws, url, timeoutMs);
}

function openGlobal(Global: GlobalWebSocketCtor, url: string, timeoutMs: number): Promise<WireSocket> {
  return new Promise((resolve, reject) => {
    let opened = false;
    let settled = false;
    let ws: GlobalWebSocketLike;
    try {
      ws = new Global(url);
    } catch (error) {
      reject(new CaptureError("NOT_CDP", url, `not a usable WebSocket URL: ${String(error)}`, { cause: error }));
      return;
    }
    ws.binaryType = "arraybuffer";
    const socket: WireSocket = {
      url,
      send: (text) => ws.send(text),
      close: () => ws.close(),
      pause: () => false,
      resume: () => {},
      onmessage: null,
      onclose: null,
    };
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      ws.close();
      reject(new CaptureError("TIMEOUT", url, `WebSocket handshake did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    ws.addEventListener("open", () => {
      opened = true;
      if (settled) return ws.close();
      settled = true;
      clearTimeout(timer);
      resolve(socket);
    });
    ws.addEventListener("message", (event) => {
      const data = event.data;
      socket.onmessage?.(typeof data === "string" ? data : decoder.decode(data as ArrayBuffer));
    });
    let failure: unknown;
    ws.addEventListener("error", (event) => {
      failure = event.error ?? new Error(event.message ?? "WebSocket error");
    });
    ws.addEventListener("close", (event) => {
      if (opened) {
        socket.onclose?.({ code: event.code ?? 1006, reason: event.reason ?? "", error: failure });
        return;
      }
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // The global WebSocket hides why the handshake failed: ask the same host over plain HTTP.
      classifyHandshakeFailure(url, timeoutMs, failure).then(reject, reject);
    });
  });
}

function openWs(Ws: WsCtor, url: string, timeoutMs: number): Promise<WireSocket> {
  return new Promise((resolve, reject) => {
    let opened = false;
    let settled = false;
    let ws: WsLike;
    try {
      ws = new Ws(url, { handshakeTimeout: timeoutMs, maxPayload: 0, perMessageDeflate: false });
    } catch (error) {
      reject(new CaptureError("NOT_CDP", url, `not a usable WebSocket URL: ${String(error)}`, { cause: error }));
      return;
    }
    let paused = false;
    const socket: WireSocket = {
      url,
      send: (text) => ws.send(text),
      close: () => ws.close(),
      pause: () => {
        if (!paused) ws.pause();
        paused = true;
        return true;
      },
      resume: () => {
        if (paused) ws.resume();
        paused = false;
      },
      onmessage: null,
      onclose: null,
    };
    const fail = (error: CaptureError) => {
      if (settled) return;
      settled = true;
      ws.terminate();
      reject(error);
    };
    let failure: unknown;
    ws.on("open", () => {
      opened = true;
      settled = true;
      resolve(socket);
    });
    ws.on("message", (data: Uint8Array | ArrayBuffer | Uint8Array[]) => {
      const bytes = Array.isArray(data) ? concatBytes(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;
      socket.onmessage?.(decoder.decode(bytes));
    });
    ws.on("unexpected-response", (request: { destroy(): void }, response: { statusCode?: number }) => {
      request.destroy();
      fail(new CaptureError("NOT_CDP", url, `the server answered HTTP ${response.statusCode} instead of accepting a DevTools WebSocket`));
    });
    ws.on("error", (error: Error & { code?: string }) => {
      failure = error;
      if (opened) return;
      if (error.code === "ECONNREFUSED" || error.code === "ECONNRESET" || error.code === "EHOSTUNREACH" || error.code === "ENOTFOUND") {
        fail(new CaptureError("REFUSED", url, `nothing accepted the connection (${error.code})`, { cause: error }));
      } else if (/timeout|timed out/i.test(error.message)) {
        fail(new CaptureError("TIMEOUT", url, `WebSocket handshake did not finish within ${timeoutMs} ms`, { cause: error }));
      } else {
        fail(new CaptureError("NOT_CDP", url, `WebSocket handshake failed: ${error.message}`, { cause: error }));
      }
    });
    ws.on("close", (code: number, reason: Uint8Array) => {
      if (opened) socket.onclose?.({ code, reason: decoder.decode(reason), error: failure });
      else fail(new CaptureError("NOT_CDP", url, `the connection closed during the WebSocket handshake (code ${code})`, { cause: failure }));
    });
  });
}

/** Tells "nothing there" from "something there that is not a DevTools WebSocket" with one HTTP request. */
async function classifyHandshakeFailure(url: string, timeoutMs: number, failure: unknown): Promise<CaptureError> {
  const http = new URL(url);
  http.protocol = http.protocol === "wss:" ? "https:" : "http:";
  http.pathname = "/json/version";
  http.search = "";
  try {
    const response = await fetch(http, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return new CaptureError("NOT_CDP", url, `the server answers HTTP (${response.status} for /json/version) but refused the DevTools WebSocket at this path`, { cause: failure });
  } catch (error) {
    if ((error as { name?: string }).name === "TimeoutError") {
      return new CaptureError("TIMEOUT", url, `no answer within ${timeoutMs} ms`, { cause: error });
    }
    return new CaptureError("REFUSED", url, "nothing accepted the connection", { cause: error });
  }
}
