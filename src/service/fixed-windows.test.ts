import { describe, expect, it } from "vitest";
import { createFixedWindows } from "./fixed-windows.js";

describe("fixed windows", () => {
  it("count within a window, and start a new one once it has ended", () => {
    const w = createFixedWindows(1_000, 10);
    expect(w.count("a", 0)).toEqual({ count: 1, resetAt: 1_000 });
    expect(w.count("a", 999)).toEqual({ count: 2, resetAt: 1_000 });
    expect(w.live("a", 999)?.count).toBe(2);
    expect(w.live("a", 1_000)).toBeUndefined();
    expect(w.count("a", 1_000)).toEqual({ count: 1, resetAt: 2_000 });
  });

  it("at maxKeys, drop ended windows first and all of them only when none has ended", () => {
    const w = createFixedWindows(1_000, 2);
    w.count("old", 0);
    w.count("new", 500);
    w.count("c", 1_200); // "old" has ended: dropped, "new" stays
    expect(w.live("new", 1_200)?.count).toBe(1);
    expect(w.live("old", 1_200)).toBeUndefined();
    w.count("d", 1_300); // none has ended: the table starts over
    expect(w.live("new", 1_300)).toBeUndefined();
    expect(w.live("c", 1_300)).toBeUndefined();
    expect(w.live("d", 1_300)?.count).toBe(1);
  });
});
