import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCORING_CONFIG } from "../../scoring-config.js";
import { RELATION_ALIAS, RELATION_EXACT } from "../lexicon/lexicon-relation.js";
import { listAbove } from "./list-above.js";
import { pairScoreRow, rowHasEvidence } from "./pair-score-row.js";

const c = DEFAULT_SCORING_CONFIG;
// RoleScoring's no-evidence band: the most a pair without evidence scores.
const band = c.severePenalty * (1 - c.penaltyLevelShare) + c.noEvidenceLevelSpread;
const unit = fc.double({ min: 0, max: 1, noNaN: true });

describe("rowHasEvidence", () => {
  it("is false only for rows that list no pair above the band, at any level and exceedance", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            // Similarities crowd the thresholds, where rounding could matter.
            similarity: fc.oneof(
              unit,
              fc.constantFrom(c.similarityThreshold, c.nearIdenticalThreshold, 0, 1),
              fc.double({ min: c.similarityThreshold - 1e-9, max: c.similarityThreshold, noNaN: true }),
            ),
            code: fc.integer({ min: 0, max: 8 }),
            ratio: unit,
            exceed: unit,
          }),
          { minLength: 1, maxLength: 12 },
        ),
        unit,
        fc.boolean(),
        (pairs, level, aggressive) => {
          const nr = pairs.length;
          const similarity = Float64Array.from(pairs, (p) => p.similarity);
          const codes = Uint8Array.from(pairs, (p) => p.code);
          const out = new Float64Array(nr);
          pairScoreRow(
            similarity,
            codes,
            0,
            nr,
            level,
            Float64Array.from(pairs, (p) => p.ratio),
            Float64Array.from(pairs, (p) => p.exceed),
            0,
            aggressive,
            c,
            out,
            0,
          );
          const listed = listAbove(out, 0, nr, band, new Float32Array(2 * nr), 0);
          if (!rowHasEvidence(similarity, codes, 0, nr, c)) expect(listed).toBe(0);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("finds a row's one pair of evidence wherever it is", () => {
    const tau = c.similarityThreshold;
    const similarity = Float64Array.of(tau / 2, tau * 0.9, 0, tau, 0);
    const codes = new Uint8Array(5);
    expect(rowHasEvidence(similarity, codes, 0, 5, c)).toBe(true);
    expect(rowHasEvidence(similarity, codes, 0, 3, c)).toBe(false);
    codes[1] = RELATION_ALIAS;
    expect(rowHasEvidence(similarity, codes, 0, 3, c)).toBe(true);
    codes[2] = RELATION_EXACT;
    expect(rowHasEvidence(similarity, codes, 2, 1, c)).toBe(true);
    expect(rowHasEvidence(similarity, codes, 4, 1, c)).toBe(false);
  });
});
