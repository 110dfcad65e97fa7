/** A fixed-window counter per key, for failed authentication attempts. */
export type FailureLimiter = {
  /** True when `key` has used up its failures in the current window (checked before verifying a key). */
  blocked(key: string): boolean;
  /** Counts one failure for `key`. */
  fail(key: string): void;
  /** Milliseconds until `key`'s window resets (0 when it has none). */
  retryAfterMs(key: string): number;
};

type Window = { count: number; resetAt: number };

/**
 * Creates the stricter per-IP bucket for failed auth: `max` failures per `windowMs`, after which every
 * request from that key gets 429 (even with the right key) until the window ends. Keys are pruned when
 * their window ends, and the table is cleared if it ever holds `maxKeys` live entries (a flood from
 * many addresses then costs memory proportional to `maxKeys`, not to the flood).
 */
export function createFailureLimiter(
  max: number,
  windowMs: number,
  now: () => number,
  maxKeys = 100_000,
): FailureLimiter {
  const windows = new Map<string, Window>();
  const live = (key: string): Window | undefined => {
    const w = windows.get(key);
    if (w !== undefined && w.resetAt <= now()) {
      windows.delete(key);
      return undefined;
    }
    return w;
  };
  return {
    blocked: (key) => (live(key)?.count ?? 0) >= max,
    fail(key) {
      const w = live(key);
      if (w !== undefined) {
        w.count++;
        return;
      }
      if (windows.size >= maxKeys) {
        for (const [k, v] of windows) if (v.resetAt <= now()) windows.delete(k);
        if (windows.size >= maxKeys) windows.clear();
      }
      windows.set(key, { count: 1, resetAt: now() + windowMs });
    },
    retryAfterMs: (key) => Math.max(0, (live(key)?.resetAt ?? 0) - now()),
  };
}
