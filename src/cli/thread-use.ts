import type { EventLoopUtilization } from "node:perf_hooks";

/** How long one thread of a run was busy (running code, collecting garbage) and idle (waiting for work). */
export type ThreadUse = {
  /** "main", "reader", or "worker N". */
  readonly thread: string;
  /** What the thread does in this run. */
  readonly work: string;
  readonly busyMs: number;
  readonly idleMs: number;
};

/** A thread's use from its event-loop utilisation (cumulative, or the difference of two readings). */
export function threadUse(thread: string, work: string, elu: EventLoopUtilization): ThreadUse {
  return { thread, work, busyMs: Math.round(elu.active), idleMs: Math.round(elu.idle) };
}

/** What `rank --stats` prints on stderr: one JSON line. */
export type RankStats = {
  readonly lines: number;
  readonly wallMs: number;
  readonly threads: readonly ThreadUse[];
  /**
   * The busiest thread, which bounds the run: the others wait for it. With a reader thread, "reader" means
   * the run goes as fast as the file is read, parsed and validated; "main" that scoring is the bound.
   */
  readonly bound: string;
};

/** The stats of a run of `lines` lines that took `wallMs`, from the use of each of its threads. */
export function rankStats(lines: number, wallMs: number, threads: readonly ThreadUse[]): RankStats {
  let bound = threads[0]!;
  for (const t of threads) if (t.busyMs > bound.busyMs) bound = t;
  return { lines, wallMs: Math.round(wallMs), threads, bound: bound.thread };
}
