import { describe, expect, it } from "vitest";
import { profileMemoryUsage } from "../../src/profiling/profile-memory-usage.js";

// Tolerance: a Float64Array(n) costs its n·8-byte backing store plus the JS wrapper objects (184 bytes on
// Node 20 / V8 11.3); we allow 512.
describe("profileMemoryUsage", () => {
  it.each([1_000, 10_000, 100_000])("measures a Float64Array(%i) within 512 bytes of n·8", async (n) => {
    const p = await profileMemoryUsage(`f64-${n}`, () => new Float64Array(n), { warmup: 50, samples: 5 });
    expect(p.allocatedBytes).toBeGreaterThanOrEqual(n * 8);
    expect(p.allocatedBytes).toBeLessThanOrEqual(n * 8 + 512);
    expect(p.result).toHaveLength(n);
  });

  it("measures 1,000 {x, y} objects in an array repeatably, within 256 bytes run to run", async () => {
    const make = () => {
      const out = new Array(1000);
      for (let i = 0; i < 1000; i++) out[i] = { x: i, y: i + 0.5 };
      return out;
    };
    const a = await profileMemoryUsage("objects", make, { warmup: 200, samples: 5 });
    const b = await profileMemoryUsage("objects", make, { warmup: 10, samples: 5 });
    // 1,000 objects of 32 bytes + 1,000 heap numbers of 12-16 bytes + an 8,016-byte backing array.
    expect(a.allocatedBytes).toBeGreaterThan(40_000);
    expect(a.allocatedBytes).toBeLessThan(80_000);
    expect(Math.abs(a.allocatedBytes - b.allocatedBytes)).toBeLessThanOrEqual(256);
  });

  it("refuses to run without --expose-gc", async () => {
    const g = globalThis as { gc?: (() => void) | undefined };
    const saved = g.gc;
    g.gc = undefined;
    try {
      await expect(profileMemoryUsage("x", () => 1)).rejects.toMatchObject({ code: "INVALID_CONFIG" });
    } finally {
      g.gc = saved;
    }
  });
});
