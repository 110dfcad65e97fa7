import type { Job, Queue, QueueEvents } from "bullmq";
import { CompetencyError } from "../errors.js";
import { POLL_INTERVAL_MS } from "./distributed-defaults.js";
import type { RunJobData, RunResult, ShardJobData } from "./job-types.js";
import { shardJobId } from "./run-id.js";

/**
 * Waits for the run job without spinning: it sleeps until the runs queue's event stream says the job
 * completed or failed, and re-reads the state every POLL_INTERVAL_MS in case an event was missed (a Redis
 * restart). Returns the result; a failed run throws SHARD_FAILED naming the shard (`where(index)`), after
 * removing the shards still waiting.
 */
export async function waitForRun(
  runs: Queue<RunJobData, RunResult>,
  shards: Queue<ShardJobData>,
  events: QueueEvents,
  rootId: string,
  shardCount: number,
  where: (index: number) => string | undefined,
): Promise<RunResult> {
  let signalled = false;
  let wake = (): void => {};
  const onEvent = ({ jobId }: { jobId: string }): void => {
    if (jobId !== rootId) return;
    signalled = true;
    wake();
  };
  events.on("completed", onEvent);
  events.on("failed", onEvent);
  try {
    for (;;) {
      signalled = false;
      const state = await runs.getJobState(rootId).catch(() => "unreachable");
      if (state === "completed" || state === "failed") {
        const job = await runs.getJob(rootId);
        if (job !== undefined && state === "completed") return job.returnvalue;
        if (job !== undefined) throw await shardFailure(job, shards, shardCount, where);
      }
      if (!signalled)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, POLL_INTERVAL_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      wake = () => {};
    }
  } finally {
    events.off("completed", onEvent);
    events.off("failed", onEvent);
  }
}

async function shardFailure(
  job: Job<RunJobData, RunResult>,
  shards: Queue<ShardJobData>,
  shardCount: number,
  where: (index: number) => string | undefined,
): Promise<CompetencyError> {
  const reason = job.failedReason ?? "unknown reason";
  const m = /-s(\d+)\b/.exec(reason);
  const index = m === null ? undefined : Number(m[1]);
  const kind = job.data.kind;
  const child =
    index === undefined ? undefined : await shards.getJob(shardJobId(kind, job.data.runId, index));
  // Shards still waiting would otherwise run for nothing; active ones finish and are removed on completion.
  await Promise.all(
    Array.from({ length: shardCount }, (_, i) =>
      shards.remove(shardJobId(kind, job.data.runId, i)).catch(() => 0),
    ),
  );
  const place = index === undefined ? undefined : where(index);
  const why =
    child === undefined ? "" : ` failed after ${child.attemptsMade} attempts: ${child.failedReason}`;
  return new CompetencyError("SHARD_FAILED", `${place ?? reason}${why}`);
}
