/**
 * Defaults of the HTTP service and the CLI's streaming commands. Kept beside the service because only the
 * surfaces use them; the library's defaults live in src/defaults.ts.
 */

export const SERVICE_PORT = 8080;
export const SERVICE_HOST = "127.0.0.1";
/** Requests per client IP (or API key) per window; 0 disables the limit. */
export const RATE_LIMIT_MAX = 1_200;
export const RATE_LIMIT_WINDOW_MS = 60_000;
/**
 * Rate-limit and failed-authentication buckets kept at once, each (memory bound under a flood from many
 * addresses: ~100 bytes a bucket).
 */
export const RATE_LIMIT_MAX_KEYS = 100_000;
/** Failed authentication attempts per client IP per rate-limit window before that IP gets 429. */
export const AUTH_FAILURE_MAX = 10;
/**
 * Scoring budget of one request: Σ candidate skills × required skills over every pair (match: one pair;
 * batch: all pairs; rank: every candidate against the role). 40,000 pairs score in about 25 ms on the
 * reference machine with distinct names (bench/http-load.ts; docs/http.md § Limits), so a request stays
 * under about 50 ms of scoring with room for embedding and serialising.
 */
export const MAX_COST_PER_REQUEST = 40_000;
/** Requests costing at least this many pairs go to the worker pool when there is one. */
export const POOL_MIN_COST = 2_000;
export const SERVICE_LOG_LEVEL = "info" as const;
/**
 * The server batches log lines into writes of this many characters (one write per ~350 request lines, the
 * default highWaterMark of Node's file streams). A write to the target costs far more than a line: with
 * 4 KiB batches (~20 lines) the access log cost 10–13 µs of server CPU per small match, with 64 KiB 2–4 µs
 * (bench/http-cpu.ts, log to /dev/null, against the same server with no access log)…
 */
export const LOG_FLUSH_CHARS = 65_536;
/** …and writes a partial batch after this long, so that a quiet server's lines still appear promptly. */
export const LOG_FLUSH_DELAY_MS = 100;
/** Worker threads for rank and batch; 0 scores in the main thread. */
export const SERVICE_WORKERS = 0;
/** Time allowed for in-flight requests after SIGTERM before connections are dropped. */
export const SHUTDOWN_GRACE_MS = 10_000;
/** Latency histogram buckets in seconds (sub-millisecond matches up to slow batches). */
export const LATENCY_BUCKETS_SECONDS: readonly number[] = [
  0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/** Lines scored per chunk by `batch` and `rank` (one matchBatch call or one worker task). */
export const STREAM_CHUNK_LINES = 256;
/**
 * Candidate lines per chunk of the CLI `rank` on the main thread (`--workers 0`): larger than
 * STREAM_CHUNK_LINES because each chunk is one `matcher.rank` call, whose per-call work (each distinct name
 * resolved once, the role's tables looked up, a top K kept) is paid per chunk, and a longer chunk lets more
 * candidates be skipped by their bound. Worker threads keep STREAM_CHUNK_LINES (memory in flight).
 */
export const RANK_CHUNK_LINES = 2048;
/** Chunks in flight at once per worker (bounds memory: the reader pauses beyond this). */
export const STREAM_CHUNKS_IN_FLIGHT_PER_WORKER = 2;
/** Longest accepted input line in bytes for batch and rank (same cap as an HTTP body). */
export const STREAM_MAX_LINE_BYTES = 1_048_576;
