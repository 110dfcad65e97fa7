import { z } from "zod";
import { MAX_PAIRS_PER_BATCH, MAX_RANK_CANDIDATES } from "../../defaults.js";
import { IncludeSchema, RequiredListSchema, SkillListSchema, StrategySchema } from "./skill-schemas.js";

/** POST /v1/match */
export const MatchBodySchema = z.strictObject({
  candidateSkills: SkillListSchema,
  requiredSkills: RequiredListSchema,
  strategy: StrategySchema.exactOptional(),
  include: IncludeSchema.exactOptional(),
});
export type MatchBody = z.output<typeof MatchBodySchema>;

/** POST /v1/match/batch: all pairs are validated before any is scored. */
export const BatchBodySchema = z.strictObject({
  pairs: z
    .array(
      z.strictObject({
        id: z.string().max(200).exactOptional(),
        candidateSkills: SkillListSchema,
        requiredSkills: RequiredListSchema,
      }),
    )
    .min(1)
    .max(MAX_PAIRS_PER_BATCH),
  strategy: StrategySchema.exactOptional(),
  include: IncludeSchema.exactOptional(),
});
export type BatchBody = z.output<typeof BatchBodySchema>;

/** POST /v1/rank */
export const RankBodySchema = z.strictObject({
  requiredSkills: RequiredListSchema,
  candidates: z
    .array(z.strictObject({ id: z.string().min(1).max(200), skills: SkillListSchema }))
    .min(1)
    .max(MAX_RANK_CANDIDATES),
  topK: z.int().min(1).exactOptional().describe("keep only the best topK; default all"),
  strategy: StrategySchema.exactOptional(),
});
export type RankBody = z.output<typeof RankBodySchema>;
