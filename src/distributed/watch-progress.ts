import type { QueueEvents } from "bullmq";

/**
 * Turns the shard queue's progress and completed events of one run into (lines done, total lines) calls.
 * `linesOf(index)` is a shard's planned line count, counted in full once the shard completes.
 */
export function watchProgress(
  events: QueueEvents,
  idPrefix: string,
  total: number,
  linesOf: (index: number) => number,
  onProgress: (done: number, total: number) => void,
): void {
  const done = new Map<string, number>();
  const report = () =>
    onProgress(
      [...done.values()].reduce((a, b) => a + b, 0),
      total,
    );
  events.on("progress", ({ jobId, data }) => {
    if (!jobId.startsWith(idPrefix)) return;
    done.set(jobId, typeof data === "number" ? data : 0);
    report();
  });
  events.on("completed", ({ jobId }) => {
    if (!jobId.startsWith(idPrefix)) return;
    done.set(jobId, linesOf(Number(jobId.slice(idPrefix.length))));
    report();
  });
}
