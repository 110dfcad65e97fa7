import type { runDistributed as RunDistributed } from "../distributed/coordinator.js";
import type { CliContext } from "./cli-context.js";
import { createProgress } from "./progress.js";

type Spec = Parameters<typeof RunDistributed>[0];
type DistributedFlags = { readonly shardSize?: number; readonly prefix?: string };

/**
 * Runs one distributed `rank` or `batch` from the CLI: loads the coordinator (BullMQ, ioredis) only now,
 * draws the progress bar from job progress when stderr is a terminal, and logs to stderr.
 */
export async function runDistributedFromCli(
  ctx: CliContext,
  spec: Spec,
  flags: DistributedFlags,
  redisUrl: string,
): ReturnType<typeof RunDistributed> {
  const { runDistributed } = await import("../distributed/coordinator.js");
  const progress = createProgress(ctx.io, spec.kind, undefined, "lines");
  try {
    return await runDistributed(spec, {
      redisUrl,
      ...(flags.shardSize === undefined ? {} : { shardLines: flags.shardSize }),
      ...(flags.prefix === undefined ? {} : { prefix: flags.prefix }),
      ...(ctx.io.isTTY ? { onProgress: (done: number, total: number) => progress.update(done, total) } : {}),
      log: (line) => ctx.io.stderr.write(line),
    });
  } finally {
    progress.stop();
  }
}
