import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-duration.js";

describe("formatDuration", () => {
  it("uses the largest unit reached, rounded, singular for 1", () => {
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(1_000)).toBe("1 second");
    expect(formatDuration(59_000)).toBe("59 seconds");
    expect(formatDuration(60_000)).toBe("1 minute");
    expect(formatDuration(90_000)).toBe("2 minutes");
    expect(formatDuration(3_600_000)).toBe("1 hour");
    expect(formatDuration(2 * 86_400_000)).toBe("2 days");
  });
});
