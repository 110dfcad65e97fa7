/** What pino writes its lines to: a buffer in front of the real stream. */
export type BufferedLogStream = {
  /** Appends one log line; it reaches the target within `maxDelayMs`, at `minBytes`, or on flush(). */
  write(line: string): boolean;
  /** Writes every buffered line to the target now (synchronously for stdout on files and pipes). */
  flush(): void;
};

/**
 * Batches log lines into writes of about `minBytes` characters, so that a request log line costs a string
 * append instead of a stream write (and, on stdout, a write syscall) per request. A timer (unref'd, never
 * keeps the process alive) flushes a partial buffer after `maxDelayMs`; the owner flushes on shutdown and on
 * process exit so that no line is lost.
 */
export function createBufferedLogStream(
  target: NodeJS.WritableStream,
  minBytes: number,
  maxDelayMs: number,
): BufferedLogStream {
  let pending = "";
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (pending === "") return;
    const text = pending;
    pending = "";
    target.write(text);
  };
  return {
    write(line) {
      pending += line;
      if (pending.length >= minBytes) flush();
      else if (timer === undefined) timer = setTimeout(flush, maxDelayMs).unref();
      return true;
    },
    flush,
  };
}
