import { describe, expect, it } from "vitest";
import { CompetencyError } from "./errors.js";
import { DEFAULT_SCORING_CONFIG, hashScoringConfig, resolveScoringConfig } from "./scoring-config.js";

describe("resolveScoringConfig", () => {
  it("returns upstream's defaults when given nothing", () => {
    const c = resolveScoringConfig();
    expect(c).toEqual(DEFAULT_SCORING_CONFIG);
    expect(c.similarityThreshold).toBe(0.15);
    expect(c.moderatePenalty).toBe(0.3);
    expect(c.ratioWeightMeets).toBe(0.6);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it("applies valid overrides", () => {
    expect(resolveScoringConfig({ similarityThreshold: 0.2 }).similarityThreshold).toBe(0.2);
  });

  it("collects every problem into one INVALID_CONFIG error", () => {
    try {
      resolveScoringConfig({
        similarityThreshold: 1.5,
        verySimilarBoost: -1,
        severePenalty: 0.5,
        nope: 1,
      } as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CompetencyError);
      const e = error as CompetencyError;
      expect(e.code).toBe("INVALID_CONFIG");
      const paths = e.issues.map((i) => i.path.join("."));
      expect(paths).toContain("config.similarityThreshold");
      expect(paths).toContain("config.verySimilarBoost");
      expect(paths).toContain("config.severePenalty");
      expect(paths).toContain("config.nope");
      expect(e.message).toContain("1.5");
    }
  });

  it("rejects NaN and infinite values naming the field", () => {
    expect(() => resolveScoringConfig({ moderatePenalty: Number.NaN })).toThrow(/moderatePenalty|finite/);
    expect(() => resolveScoringConfig({ betaConcentration: Number.POSITIVE_INFINITY })).toThrow(
      CompetencyError,
    );
  });

  it("requires ordered thresholds", () => {
    expect(() =>
      resolveScoringConfig({ moderatelySimilarThreshold: 0.9, verySimilarThreshold: 0.8 }),
    ).toThrow(/moderatelySimilarThreshold.*verySimilarThreshold/);
  });
});

describe("hashScoringConfig", () => {
  it("is stable and changes with any value", () => {
    const a = hashScoringConfig(DEFAULT_SCORING_CONFIG);
    expect(hashScoringConfig(resolveScoringConfig())).toBe(a);
    expect(hashScoringConfig(resolveScoringConfig({ similarityThreshold: 0.16 }))).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{8}$/);
  });
});
