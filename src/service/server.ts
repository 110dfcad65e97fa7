import type { EventEmitter } from "node:events";
import { CompetencyError } from "../errors.js";
import type { Matcher } from "../matcher-types.js";
import type { ChunkScorer } from "../shards/chunk-task.js";
import { buildApp } from "./app.js";
import { createBufferedLogStream } from "./buffered-log-stream.js";
import { LOG_FLUSH_CHARS, LOG_FLUSH_DELAY_MS } from "./service-defaults.js";
import type { ResolvedServiceOptions } from "./service-options.js";

export type StartServerParams = {
  /** Owned by the server from now on: closed on shutdown. */
  readonly matcher: Matcher;
  readonly options: ResolvedServiceOptions;
  /** Owned by the server from now on: closed on shutdown. */
  readonly scorer?: ChunkScorer;
  /** Where JSON log lines go, in batches (flushed on close and on process exit). @default process.stdout */
  readonly logStream?: NodeJS.WritableStream;
  /** Emits SIGTERM / SIGINT; the CLI passes `process`, tests an EventEmitter. */
  readonly signals?: EventEmitter;
};

export type ServerHandle = {
  /** e.g. `http://127.0.0.1:8080` */
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections, lets in-flight requests finish, then releases the matcher and workers. */
  close(): Promise<void>;
  /** Resolves once the server has fully shut down (after close() or a signal). */
  readonly closed: Promise<void>;
};

const SIGNALS = ["SIGTERM", "SIGINT"] as const;

/**
 * Listens, starts loading the model in the background (/readyz turns 200 when done), and shuts down
 * gracefully on SIGTERM/SIGINT: no new connections, in-flight requests finish (up to shutdownGraceMs,
 * after which remaining connections are dropped), then the matcher and the worker pool are closed.
 */
export async function startServer(params: StartServerParams): Promise<ServerHandle> {
  const { matcher, options, signals } = params;
  const logs = createBufferedLogStream(
    params.logStream ?? process.stdout,
    LOG_FLUSH_CHARS,
    LOG_FLUSH_DELAY_MS,
  );
  process.on("exit", logs.flush);
  const app = buildApp({
    matcher,
    options,
    ...(params.scorer === undefined ? {} : { scorer: params.scorer }),
    logStream: logs,
  });
  // While draining, responses close their connection so keep-alive sockets do not hold shutdown open.
  let draining = false;
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (draining) reply.header("connection", "close");
    done(null, payload);
  });
  try {
    await app.listen({ port: options.port, host: options.host });
  } catch (cause) {
    await app.close();
    logs.flush();
    process.off("exit", logs.flush);
    const code = (cause as NodeJS.ErrnoException).code ?? "unknown error";
    throw new CompetencyError(
      "INVALID_CONFIG",
      `cannot listen on ${options.host}:${options.port} (${code})`,
      { cause },
    );
  }
  matcher.ready().catch((err: unknown) => app.log.error({ err }, "model failed to load"));

  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    if (closing !== null) return closing;
    closing = (async () => {
      draining = true;
      for (const signal of SIGNALS) signals?.off(signal, onSignal);
      const force = setTimeout(() => app.server.closeAllConnections(), options.shutdownGraceMs);
      try {
        await app.close();
      } finally {
        clearTimeout(force);
        await params.scorer?.close();
        await matcher.close();
        app.log.info("shut down");
        logs.flush();
        process.off("exit", logs.flush);
        resolveClosed();
      }
    })();
    return closing;
  };
  function onSignal(signal: string): void {
    app.log.info({ signal }, "shutting down: finishing in-flight requests");
    close().catch((err: unknown) => app.log.error({ err }, "shutdown failed"));
  }
  for (const signal of SIGNALS) signals?.on(signal, onSignal);

  const address = app.server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return { url: `http://${host}:${port}`, port, close, closed };
}
