import { z } from "zod";

const Interval = z.object({ lower: z.number(), upper: z.number() });
const NameMap = z.record(z.string(), z.record(z.string(), z.number()));

/** The MatchResult of SPEC §1 as it appears on the wire (documentation; responses are not re-validated). */
export const MatchResultSchema = z.object({
  overallScore: z.number().min(0).max(1),
  overallInterval: Interval,
  strategy: z.enum(["default", "conservative", "aggressive"]),
  skillScores: z.array(
    z.object({
      skillName: z.string(),
      probability: z.number().min(0).max(1),
      confidenceInterval: Interval,
      mean: z.number(),
      variance: z.number(),
      evidence: z.enum(["direct", "related", "none"]),
      bestMatch: z
        .object({
          skillName: z.string(),
          similarity: z.number(),
          levelRatio: z.number(),
          relation: z.enum(["exact", "alias", "parent", "child", "related", "embedding", "none"]),
        })
        .nullable(),
      explanation: z.string(),
    }),
  ),
  gaps: z.array(z.object({ skillName: z.string(), probability: z.number(), impact: z.number() })),
  unmetMustHaves: z
    .array(z.string())
    .describe(
      "mustHave requirements not met by direct evidence (exact, alias, kind-of) scoring >= 0.5; any entry caps overallScore below 0.5",
    ),
  meta: z.object({
    engine: z.string(),
    embedder: z.string(),
    lexiconVersion: z.string(),
    configHash: z.string(),
  }),
  skillSimilarities: NameMap.optional(),
  pairwiseScores: NameMap.optional(),
});

export const BatchResponseSchema = z.object({
  results: z.array(
    z.object({ id: z.string().optional() }).catchall(z.unknown()).describe("{ id?, ...MatchResult }"),
  ),
});

export const RankResponseSchema = z.object({
  ranking: z.array(
    z.object({ rank: z.int(), id: z.string(), overallScore: z.number(), result: MatchResultSchema }),
  ),
});

export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z
      .array(
        z.object({ code: z.string(), path: z.array(z.union([z.string(), z.number()])), message: z.string() }),
      )
      .optional(),
  }),
});
