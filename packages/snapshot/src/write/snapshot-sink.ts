/**
 * Where `writeSnapshot` puts bytes: a file (atomically: a temporary file renamed into
 * place only when complete), a `WritableStream`, or a callback; optionally through gzip
 * (`CompressionStream`, global in Node, Deno and Bun).
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import { AtomicFile } from "./atomic-file.ts";
import { SnapshotIoError } from "../errors/snapshot-io-error.ts";
import { describeValue } from "../errors/describe-value.ts";
import { SnapshotOptionsError } from "../errors/snapshot-options-error.ts";

/**
 * A destination for snapshot bytes: a file path or `file:` URL, a `WritableStream<Uint8Array>`
 * (closed at the end, aborted on failure), or a function called with each chunk (awaited;
 * the chunk is the callee's to keep).
 *
 * @example
 * ```ts
 * const sinks: SnapshotSink[] = ["out.heapsnapshot.gz", new URL("file:///tmp/out.heapsnapshot"), writable, (chunk) => void parts.push(chunk)];
 * ```
 */
export type SnapshotSink = string | URL | WritableStream<Uint8Array> | ((chunk: Uint8Array) => void | Promise<void>);

/** An opened sink: write chunks, then exactly one of commit or abort. */
export interface OpenSink {
  write(chunk: Uint8Array): Promise<void>;
  commit(): Promise<void>;
  abort(reason: unknown): Promise<void>;
  /** The file path, for gzip-by-extension and messages; null for streams and callbacks. */
  readonly path: string | null;
}

/**
 * Opens `sink`; gzip-compresses when `gzip` is true, or when it is undefined and the sink is a `.gz` path.
 * Throws `SnapshotOptionsError` (`INVALID_OPTIONS`) for something that is not a sink.
 *
 * @example
 * ```ts
 * const out = await openSink("app.heapsnapshot.gz", undefined);
 * await out.write(bytes);
 * await out.commit();
 * ```
 */
export async function openSink(sink: SnapshotSink, gzip: boolean | undefined): Promise<OpenSink> {
  let inner: OpenSink;
  if (typeof sink === "string" || sink instanceof URL) {
    if (sink instanceof URL && sink.protocol !== "file:") throw new SnapshotOptionsError(`writeSnapshot sink: only file: URLs can be written, not ${sink.href}`);
    const path = typeof sink === "string" ? (sink.startsWith("file:") ? fileURLToPath(sink) : sink) : fileURLToPath(sink);
    inner = await fileSink(path);
  } else if (typeof sink === "function") {
    inner = { path: null, write: async (chunk) => void (await sink(chunk)), commit: async () => {}, abort: async () => {} };
  } else if (sink && typeof (sink as WritableStream<Uint8Array>).getWriter === "function") {
    inner = streamSink(sink as WritableStream<Uint8Array>);
  } else {
    throw new SnapshotOptionsError(`writeSnapshot sink: expected a path, a file: URL, a WritableStream or a function (got ${describeValue(sink)})`);
  }
  const compress = gzip ?? (inner.path !== null && inner.path.endsWith(".gz"));
  return compress ? gzipSink(inner) : inner;
}

async function fileSink(path: string): Promise<OpenSink> {
  let file: AtomicFile;
  try {
    file = await AtomicFile.create(path);
  } catch (cause) {
    throw new SnapshotIoError("WRITE_FAILED", path, "cannot create the file", { cause });
  }
  const failed = (cause: unknown) => new SnapshotIoError("WRITE_FAILED", path, "writing the file failed", { cause });
  return {
    path,
    write: (chunk) => file.write(chunk).catch((cause) => Promise.reject(failed(cause))),
    commit: () => file.commit().catch((cause) => Promise.reject(failed(cause))),
    abort: () => file.abort(),
  };
}

function streamSink(stream: WritableStream<Uint8Array>): OpenSink {
  const writer = stream.getWriter();
  return {
    path: null,
    write: (chunk) => writer.write(chunk),
    commit: async () => {
      await writer.close();
      writer.releaseLock();
    },
    abort: async (reason) => {
      await writer.abort(reason).catch(() => {});
      writer.releaseLock();
    },
  };
}

function gzipSink(inner: OpenSink): OpenSink {
  const stream = new CompressionStream("gzip");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let failure: { error: unknown } | null = null;
  const pump = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      await inner.write(value);
    }
  })();
  pump.catch((error) => {
    failure ??= { error };
    writer.abort(error).catch(() => {});
  });
  const rethrow = () => {
    if (failure) throw failure.error;
  };
  return {
    path: inner.path,
    write: async (chunk) => {
      rethrow();
      try {
        await writer.write(chunk as Uint8Array<ArrayBuffer>);
      } catch (error) {
        rethrow();
        throw error;
      }
    },
    commit: async () => {
      rethrow();
      await writer.close();
      await pump;
      await inner.commit();
    },
    abort: async (reason) => {
      await writer.abort(reason).catch(() => {});
      await reader.cancel(reason).catch(() => {});
      await inner.abort(reason);
    },
  };
}
