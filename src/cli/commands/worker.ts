import type { EventEmitter } from "node:events";
import { type Command, InvalidArgumentError } from "commander";
import type { CliContext } from "../cli-context.js";
import { optionsFromEnv } from "../options-from-env.js";

const EXAMPLES = `
Takes rank and batch shards from Redis (BullMQ) and scores them on --concurrency worker threads.
Shards reference byte ranges of the input file: on many machines the file must sit on storage every
worker can read at the same path (NFS, a shared volume), and batch parts need a shared --parts-dir.
Table shards (rank --from-postgres --redis) carry the database URL without its password: give the worker
PGPASSWORD or ~/.pgpass if the database needs one.
SIGTERM/SIGINT: stops taking shards, finishes the current ones, exits 0. A lost Redis connection is
retried with backoff; Redis unreachable at start is an error[REDIS_UNAVAILABLE] line and exit 3.

Examples:
  $ competency worker --redis redis://127.0.0.1:6379 --concurrency 2 --metrics-port 9464
`;

function intOption(name: string, min: number) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min)
      throw new InvalidArgumentError(`${name} must be an integer ≥ ${min}, got ${JSON.stringify(raw)}`);
    return n;
  };
}

type WorkerFlags = { redis: string; concurrency: number; metricsPort?: number; prefix?: string };

/** `competency worker --redis <url>`: a long-running scale-out worker. */
export function registerWorkerCommand(
  program: Command,
  ctx: CliContext,
  signals: EventEmitter | undefined,
): void {
  program
    .command("worker")
    .description("take rank/batch shards from Redis and score them (scale-out)")
    .requiredOption("--redis <url>", "Redis URL, e.g. redis://127.0.0.1:6379")
    .option("--concurrency <n>", "shards scored at once (worker threads)", intOption("--concurrency", 1), 1)
    .option("--metrics-port <port>", "serve Prometheus metrics on this port", intOption("--metrics-port", 0))
    .option("--prefix <prefix>", "Redis key prefix of the queues [default competency]")
    .addHelpText("after", EXAMPLES)
    .action(async (flags: WorkerFlags) => {
      const { startWorker } = await import("../../distributed/start-worker.js");
      const env = optionsFromEnv(ctx.io.env);
      const log = (line: string) => ctx.io.stderr.write(line);
      const worker = await startWorker({
        redisUrl: flags.redis,
        concurrency: flags.concurrency,
        ...(flags.prefix === undefined ? {} : { prefix: flags.prefix }),
        ...(flags.metricsPort === undefined ? {} : { metricsPort: flags.metricsPort }),
        matcherOptions: env.matcher,
        log,
      });
      log(
        `competency worker: ready (concurrency ${flags.concurrency}${worker.metricsPort === undefined ? "" : `, metrics on :${worker.metricsPort}/metrics`})\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        signals?.once("SIGTERM", stop);
        signals?.once("SIGINT", stop);
        if (signals === undefined) resolve();
      });
      log("competency worker: stopping\n");
      await worker.close();
    });
}
