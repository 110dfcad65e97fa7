import { describe, expect, it } from "vitest";
import { DEFAULT_SCORING_CONFIG as C } from "../../scoring-config.js";
import { applyCoherenceBonus, coherenceBonus } from "./coherence-bonus.js";
import { domainPenalty } from "./domain-penalty.js";
import { effectiveSimilarity } from "./effective-similarity.js";
import { levelRatio } from "./level-ratio.js";
import { pairScore } from "./pair-score.js";

describe("pairScore", () => {
  it("gives full credit to the same skill at or above the required level", () => {
    expect(pairScore(1, true, 1, 0.5, 1, false, C)).toBe(1);
  });

  it("follows upstream's 0.6 + 0.4·ratio for near-identical skills from half the level up", () => {
    expect(pairScore(1, true, 0.5, 0, 0.4, false, C)).toBeCloseTo(0.8, 15);
    expect(pairScore(1, true, 0.75, 0, 0.6, false, C)).toBeCloseTo(0.9, 15);
  });

  it("fades near-identical credit down to the no-evidence ceiling at level 0", () => {
    expect(pairScore(1, true, 0, 0, 0, false, C)).toBeCloseTo(0.079, 15);
    expect(pairScore(1, true, 0.25, 0, 0.2, false, C)).toBeCloseTo(0.35, 15);
  });

  it("keeps every no-evidence score within a band narrower than 0.01, whatever the level", () => {
    let low = 1;
    let high = 0;
    for (let s = 0; s < 0.15; s += 0.001)
      for (const r of [0, 0.3, 1]) {
        const p = pairScore(s, false, r, r, r, false, C);
        low = Math.min(low, p);
        high = Math.max(high, p);
      }
    expect(high - low).toBeLessThan(0.01);
  });

  it("never scores related or direct evidence below any no-evidence pair", () => {
    const ceiling = pairScore(0.1499, false, 1, 1, 1, false, C);
    for (const s of [0.15, 0.2, 0.5, 0.95])
      for (const u of [0, 0.1, 0.5])
        expect(pairScore(s, s > 0.9, u, 0, u, false, C)).toBeGreaterThanOrEqual(ceiling);
  });

  it("never exceeds the moderate penalty below the similarity floor", () => {
    for (const s of [0, 0.05, 0.1, 0.149])
      for (const r of [0, 0.5, 1]) expect(pairScore(s, false, 1, 1, r, false, C)).toBeLessThanOrEqual(0.3);
  });

  it("is monotone in level for every similarity", () => {
    for (const s of [0, 0.1, 0.2, 0.5, 0.7, 0.85, 0.95]) {
      let previous = -1;
      for (let r = 0; r <= 1.0001; r += 0.05) {
        const u = levelRatio(r, 0.6);
        const exceed = Math.min(1, r);
        const p = pairScore(s, s > 0.9, u, exceed, r, false, C);
        expect(p).toBeGreaterThanOrEqual(previous);
        previous = p;
      }
    }
  });

  it("gives aggressive at least as much credit as default for related skills", () => {
    for (const s of [0.2, 0.4, 0.6, 0.8]) {
      expect(pairScore(s, false, 0.8, 0.5, 0.5, true, C)).toBeGreaterThanOrEqual(
        pairScore(s, false, 0.8, 0.5, 0.5, false, C),
      );
    }
  });
});

describe("levelRatio", () => {
  it("treats relative scales alike: 8/10 against 4/5 is a perfect match", () => {
    expect(levelRatio(8 / 10, 4 / 5)).toBe(1);
  });
  it("returns 1 when nothing is required", () => {
    expect(levelRatio(0, 0)).toBe(1);
  });
});

describe("domainPenalty", () => {
  it("uses upstream's table and is symmetric", () => {
    expect(domainPenalty("DevOps", "DevOps")).toBe(0);
    expect(domainPenalty("SoftwareDevelopment", "DataScience")).toBe(0.15);
    expect(domainPenalty("DevOps", "SoftwareDevelopment")).toBe(0.1);
    expect(domainPenalty("Sales", "Marketing")).toBe(0.2);
    expect(domainPenalty("Finance", "Leadership")).toBe(0.3);
    expect(domainPenalty("General", "Finance")).toBe(0.2);
    expect(domainPenalty("Finance", "Healthcare")).toBe(0.6);
  });
  it("never penalises identical skills", () => {
    expect(effectiveSimilarity(1, 0.6)).toBe(1);
  });
});

describe("coherence bonus", () => {
  it("applies only with enough skills, similarity and domain agreement", () => {
    expect(coherenceBonus(2, 5, 0.9, 1, C)).toBe(0);
    expect(coherenceBonus(5, 5, 0.5, 1, C)).toBe(0);
    expect(coherenceBonus(5, 5, 0.9, 0.6, C)).toBe(0);
    expect(coherenceBonus(5, 5, 0.9, 1, C)).toBeCloseTo(0.07, 15);
  });
  it("never lets a higher base end lower after the bonus", () => {
    let previous = -1;
    for (let b = 0; b <= 1; b += 0.001) {
      const out = applyCoherenceBonus(b, 0.06, C);
      expect(out).toBeGreaterThanOrEqual(previous);
      previous = out;
    }
  });
});
