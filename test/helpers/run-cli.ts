import { Readable, Writable } from "node:stream";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { createFakeEmbedder, createMatcher } from "../../src/index.js";
import type { MatcherOptions } from "../../src/matcher-types.js";

/** A writable that keeps what is written, as text. */
function textSink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}

/**
 * Runs the CLI in this process on `argv`, with `stdin` as its input, and returns its exit code and output.
 * `injected` (the default) gives it a matcher on a 32-dimension fake embedder; false, the real default model.
 */
export async function runCli(
  argv: string[],
  {
    stdin = "",
    env = {},
    injected = true,
  }: { stdin?: string; env?: Record<string, string>; injected?: boolean } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = textSink();
  const err = textSink();
  const io: CliIo = {
    stdin: Readable.from([stdin]),
    stdout: out.stream,
    stderr: err.stream,
    env,
    isTTY: false,
  };
  const deps = injected
    ? { createMatcher: (o: MatcherOptions) => createMatcher({ ...o, embedder: createFakeEmbedder(32) }) }
    : {};
  const code = await main(argv, io, deps);
  return { code, stdout: out.text(), stderr: err.text() };
}
