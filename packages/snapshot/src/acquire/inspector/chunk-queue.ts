/**
 * A single-consumer async queue of byte chunks between a push source (inspector
 * events) and a pull consumer (the snapshot reader), with a byte high-water mark.
 *
 * @module
 */

/** Callbacks that let the producer apply backpressure and learn about the consumer. */
export interface ChunkQueueOptions {
  /** Above this many buffered bytes `onHigh` is called; below half of it, `onLow`. Default 64 MiB. */
  highWaterBytes?: number;
  onHigh?: () => void;
  onLow?: () => void;
  /** Called each time the consumer takes a chunk. */
  onPull?: () => void;
  /** Called once if the consumer stops before the end (its loop broke or threw). */
  onCancel?: () => void;
}

/**
 * Chunks pushed by a producer, read once with `for await`. `end()` finishes the
 * iteration; `fail(error)` makes the consumer's next read throw `error`.
 *
 * @example
 * ```ts
 * const queue = new ChunkQueue();
 * queue.push(new TextEncoder().encode("{}"));
 * queue.end();
 * for await (const chunk of queue) console.log(chunk.length);
 * ```
 */
export class ChunkQueue implements AsyncIterable<Uint8Array> {
  #chunks: Uint8Array[] = [];
  #head = 0;
  #bytes = 0;
  #high = false;
  #done = false;
  #error: { error: unknown } | null = null;
  #cancelled = false;
  #iterated = false;
  #waiter: (() => void) | null = null;
  #options: ChunkQueueOptions;
  #highWater: number;

  constructor(options: ChunkQueueOptions = {}) {
    this.#options = options;
    this.#highWater = options.highWaterBytes ?? 64 * 1024 * 1024;
  }

  /** Bytes pushed and not yet taken. */
  get bufferedBytes(): number {
    return this.#bytes;
  }

  push(chunk: Uint8Array): void {
    if (this.#done || this.#cancelled) return;
    this.#chunks.push(chunk);
    this.#bytes += chunk.length;
    if (!this.#high && this.#bytes > this.#highWater) {
      this.#high = true;
      this.#options.onHigh?.();
    }
    this.#wake();
  }

  end(): void {
    this.#done = true;
    this.#wake();
  }

  fail(error: unknown): void {
    if (this.#done) return;
    this.#error = { error };
    this.#done = true;
    this.#chunks = [];
    this.#head = 0;
    this.#bytes = 0;
    this.#wake();
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    if (this.#iterated) throw new Error("a ChunkQueue can be read only once");
    this.#iterated = true;
    return {
      next: async (): Promise<IteratorResult<Uint8Array>> => {
        while (true) {
          if (this.#error) throw this.#error.error;
          if (this.#head < this.#chunks.length) {
            const chunk = this.#chunks[this.#head];
            this.#chunks[this.#head++] = EMPTY;
            if (this.#head > 1024 && this.#head * 2 > this.#chunks.length) {
              this.#chunks = this.#chunks.slice(this.#head);
              this.#head = 0;
            }
            this.#bytes -= chunk.length;
            if (this.#high && this.#bytes < this.#highWater / 2) {
              this.#high = false;
              this.#options.onLow?.();
            }
            this.#options.onPull?.();
            return { value: chunk, done: false };
          }
          if (this.#done) return { value: undefined, done: true };
          await new Promise<void>((resolve) => (this.#waiter = resolve));
        }
      },
      return: async (): Promise<IteratorResult<Uint8Array>> => {
        if (!this.#done && !this.#cancelled) {
          this.#cancelled = true;
          this.#chunks = [];
          this.#bytes = 0;
          if (this.#high) {
            this.#high = false;
            this.#options.onLow?.();
          }
          this.#options.onCancel?.();
        }
        return { value: undefined, done: true };
      },
    };
  }

  #wake(): void {
    const waiter = this.#waiter;
    this.#waiter = null;
    waiter?.();
  }
}

const EMPTY = new Uint8Array(0);
