import { createFixedWindows } from "./fixed-windows.js";
import { RATE_LIMIT_MAX_KEYS } from "./service-defaults.js";

/** A fixed-window counter per key, for failed authentication attempts. */
export type FailureLimiter = {
  /** True when `key` has used up its failures in the current window (checked before verifying a key). */
  blocked(key: string): boolean;
  /** Counts one failure for `key`. */
  fail(key: string): void;
  /** Milliseconds until `key`'s window resets (0 when it has none). */
  retryAfterMs(key: string): number;
};

/**
 * Creates the stricter per-IP bucket for failed auth: `max` failures per `windowMs`, after which every
 * request from that key gets 429 (even with the right key) until the window ends. Windows and their bound
 * are `createFixedWindows`'s.
 */
export function createFailureLimiter(
  max: number,
  windowMs: number,
  now: () => number,
  maxKeys = RATE_LIMIT_MAX_KEYS,
): FailureLimiter {
  const windows = createFixedWindows(windowMs, maxKeys);
  return {
    blocked: (key) => (windows.live(key, now())?.count ?? 0) >= max,
    fail(key) {
      windows.count(key, now());
    },
    retryAfterMs(key) {
      const t = now();
      return Math.max(0, (windows.live(key, t)?.resetAt ?? 0) - t);
    },
  };
}
