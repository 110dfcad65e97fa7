import type { EventEmitter } from "node:events";
import { type Command, InvalidArgumentError } from "commander";
import { createPoolScorer } from "../../pool/create-pool-scorer.js";
import { startServer } from "../../service/server.js";
import { resolveServiceOptions, type ServiceOptions } from "../../service/service-options.js";
import type { ChunkScorer } from "../../shards/chunk-task.js";
import type { CliContext } from "../cli-context.js";
import { optionsFromEnv } from "../options-from-env.js";
import { progressListener } from "../progress.js";
import { matcherFactory } from "../with-matcher.js";

const EXAMPLES = `
Environment: PORT, HOST, COMPETENCY_API_KEY (require Authorization: Bearer <key>),
COMPETENCY_RATE_LIMIT (requests per minute per client IP, or per API key when one is set; 0 = off),
COMPETENCY_TRUST_PROXY (behind a proxy: true, a hop count, or proxy addresses; default false),
COMPETENCY_MAX_COST (scoring budget per request in candidate x required pairs, default 40000), COMPETENCY_LOG_LEVEL,
COMPETENCY_WORKERS, COMPETENCY_UI (0 = no playground page), COMPETENCY_CACHE_DIR. Flags override the
environment. The playground page is at / unless --no-ui.
Logs are JSON lines (pino) on stdout. SIGTERM finishes in-flight requests, then exits 0.

Examples:
  $ competency serve --port 8080
  $ COMPETENCY_API_KEY=secret competency serve --host 0.0.0.0 --workers 2
  $ curl -s localhost:8080/v1/match -H 'content-type: application/json' \\
      -d '{"candidateSkills":[{"name":"JS","level":{"value":4,"max":5}}],"requiredSkills":[{"name":"JavaScript","level":{"value":3,"max":5}}]}'
`;

function intOption(name: string) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0)
      throw new InvalidArgumentError(`${name} must be a non-negative integer, got ${JSON.stringify(raw)}`);
    return n;
  };
}

type ServeFlags = { port?: number; host?: string; workers?: number; rateLimit?: number; ui?: boolean };

/** `competency serve`: runs the HTTP service until SIGTERM/SIGINT, then exits 0. */
export function registerServeCommand(
  program: Command,
  ctx: CliContext,
  signals: EventEmitter | undefined,
): void {
  program
    .command("serve")
    .description("run the HTTP service")
    .option("--port <port>", "TCP port (0 = any free port) [env PORT, default 8080]", intOption("--port"))
    .option("--host <host>", "interface to bind [env HOST, default 127.0.0.1]")
    .option(
      "--workers <n>",
      "worker threads for rank and batch [env COMPETENCY_WORKERS, default 0]",
      intOption("--workers"),
    )
    .option(
      "--rate-limit <n>",
      "requests per minute per client, 0 = off [env COMPETENCY_RATE_LIMIT]",
      intOption("--rate-limit"),
    )
    .option("--no-ui", "do not serve the playground page at / [env COMPETENCY_UI=0]")
    .addHelpText("after", EXAMPLES)
    .action(async (flags: ServeFlags) => {
      const env = optionsFromEnv(ctx.io.env);
      const overrides: { -readonly [K in keyof ServiceOptions]: ServiceOptions[K] } = { ...env.service };
      if (flags.port !== undefined) overrides.port = flags.port;
      if (flags.host !== undefined) overrides.host = flags.host;
      if (flags.workers !== undefined) overrides.workers = flags.workers;
      if (flags.rateLimit !== undefined) overrides.rateLimitMax = flags.rateLimit;
      if (flags.ui === false) overrides.ui = false; // commander sets ui: true when --no-ui is absent
      const options = resolveServiceOptions(overrides);
      const matcher = matcherFactory(ctx)({ ...env.matcher, onProgress: progressListener(ctx.io) });
      let scorer: ChunkScorer | undefined;
      if (options.workers > 0 && ctx.workerMatcherOptions !== undefined) {
        await matcher.ready(); // workers load the store this builds on first run
        scorer = createPoolScorer(options.workers, { ...ctx.workerMatcherOptions, ...env.matcher });
        await scorer.warm();
      }
      let handle: Awaited<ReturnType<typeof startServer>>;
      try {
        handle = await startServer({
          matcher,
          options,
          ...(scorer === undefined ? {} : { scorer }),
          logStream: ctx.io.stdout,
          ...(signals === undefined ? {} : { signals }),
        });
      } catch (error) {
        await scorer?.close();
        await matcher.close();
        throw error;
      }
      const page = options.ui ? `playground at ${handle.url}/, ` : "";
      ctx.io.stderr.write(`competency: listening on ${handle.url} (${page}docs at ${handle.url}/docs)\n`);
      await handle.closed;
    });
}
