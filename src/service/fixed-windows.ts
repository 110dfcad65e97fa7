/** A key's window: `count` events since it started, open until `resetAt` (ms). */
export type Window = { count: number; resetAt: number };

/** Fixed-window counters per key (see `createFixedWindows`). */
export type FixedWindows = {
  /** The window of `key` still open at time `t`, or undefined (an ended one is dropped). */
  live(key: string, t: number): Window | undefined;
  /** Counts one event of `key` at `t`: in its open window, else in a new one that starts at `t`. */
  count(key: string, t: number): Window;
};

/**
 * Fixed windows of `windowMs`, each starting at its key's first event: the request rate limit and the
 * failed-authentication limiter both count with it. Ended windows are dropped when read, and a new key
 * arriving at `maxKeys` windows first drops the ended ones, then all of them if none has ended, so a flood
 * from many addresses costs memory proportional to `maxKeys`, not to the flood.
 */
export function createFixedWindows(windowMs: number, maxKeys: number): FixedWindows {
  const windows = new Map<string, Window>();
  const live = (key: string, t: number): Window | undefined => {
    const w = windows.get(key);
    if (w !== undefined && w.resetAt <= t) {
      windows.delete(key);
      return undefined;
    }
    return w;
  };
  return {
    live,
    count(key, t) {
      const open = live(key, t);
      if (open !== undefined) {
        open.count++;
        return open;
      }
      if (windows.size >= maxKeys) {
        for (const [k, v] of windows) if (v.resetAt <= t) windows.delete(k);
        if (windows.size >= maxKeys) windows.clear();
      }
      const fresh = { count: 1, resetAt: t + windowMs };
      windows.set(key, fresh);
      return fresh;
    },
  };
}
