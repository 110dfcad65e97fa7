import type { Readable, Writable } from "node:stream";

/**
 * The CLI's window on the process: streams, environment and terminal state. `bin.ts` builds it from
 * `process`; tests pass captured streams.
 */
export type CliIo = {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Environment variables (read once, never mutated). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal: progress bars are drawn only then. */
  readonly isTTY: boolean;
};
