/** Defaults of the BullMQ scale-out (issue 8). Kept beside the code that uses them, as service-defaults is. */

/** Redis key prefix of every queue. */
export const DISTRIBUTED_PREFIX = "competency";
/** Candidate lines per shard: about 0.4 s of scoring, so the per-job cost (≈0.3 ms) is negligible. */
export const SHARD_LINES = 10_000;
/** A job (its data) may not exceed this many bytes: jobs carry references, never candidates. */
export const JOB_SIZE_LIMIT_BYTES = 1_024;
/** Attempts per shard before the run fails. */
export const SHARD_ATTEMPTS = 3;
/** Fixed delay between shard attempts. */
export const SHARD_BACKOFF_MS = 1_000;
/** A worker's lock on a shard; renewed every half of it by the worker's main thread. */
export const LOCK_DURATION_MS = 8_000;
/** How often workers look for shards whose worker died: retaken within lock + interval (≤ 12 s). */
export const STALLED_INTERVAL_MS = 4_000;
/** How long a finished run's result stays in Redis (seconds); failed runs are kept as long. */
export const RESULT_TTL_SECONDS = 3_600;
/** Cap of each queue's event stream (entries, approximate). */
export const EVENTS_MAX_LEN = 1_000;
/** Bad lines reported per shard; beyond this only the count travels back. */
export const SHARD_MAX_ERRORS = 1_000;
/** Time a worker gives its current shards after SIGTERM before it hands them back. */
export const WORKER_SHUTDOWN_MS = 30_000;
/** How long a process waits for Redis at start before giving up. */
export const REDIS_CONNECT_TIMEOUT_MS = 5_000;
/** How often the coordinator re-reads the run's state in case an event was missed (it waits on events). */
export const POLL_INTERVAL_MS = 1_000;
/** A shard reports progress at most this often (each report is a thread message and a Redis script). */
export const PROGRESS_INTERVAL_MS = 250;
/**
 * Young generation of each shard thread, in MB. A rank chunk's parsed candidates (~2.5 MB for 2,048 lines)
 * are live while it is scored; in V8's default young generation they outlive two scavenges often enough to
 * be promoted, and the old generation then pays for them again. Measured on 1M generated lines, one thread,
 * the worker's own code without BullMQ (pass 2 of 3, 2026-12-07): default 9.1–9.2 s wall and 11.9–12.2 s CPU
 * (GC threads included); 96 MB 6.6–6.7 s and 6.8–6.9 s; 128 MB 6.7 s and 8.0 s; 48 MB 10.3–10.5 s. A worker
 * is a long-running process of its own, so the ~64 MB more per thread buys a third of its CPU.
 */
export const SHARD_THREAD_YOUNG_GENERATION_MB = 96;
/** Queue of shard jobs, and queue of run (parent) jobs. */
export const SHARD_QUEUE = "shards";
export const RUN_QUEUE = "runs";
/** Lines per scoring call inside a batch shard (every line is scored in full; this bounds results in flight). */
export const SHARD_CHUNK_LINES = 256;
/**
 * Lines per `rank` call inside a rank shard, as in-process (RANK_CHUNK_LINES). Each call gets the shard's
 * bar (`scoreAbove`), so a later call scores in full only what can still enter the shard's top; without it
 * every call kept its own K + margin. Measured on 200k lines, one thread: 2,048-line calls spend ~0.23 s in
 * GC against ~0.37–0.41 s for 10,000 (a whole shard's parsed candidates outlive the young generation).
 */
export const SHARD_RANK_CHUNK_LINES = 2048;
/**
 * Extra entries a file rank shard returns beyond K: they stand in for lines the run job drops as duplicate
 * ids of an earlier shard. More such lines than this in one shard's top make the run fail (not guess).
 */
export const DUPLICATE_MARGIN = 16;
