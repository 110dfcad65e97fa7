import * as D from "../defaults.js";
import type { Limits } from "../matcher-types.js";

/** Input size limits with every default filled in. */
export function resolveLimits(limits: Partial<Limits> = {}): Limits {
  return {
    maxSkillsPerSide: limits.maxSkillsPerSide ?? D.MAX_SKILLS_PER_SIDE,
    maxPairsPerBatch: limits.maxPairsPerBatch ?? D.MAX_PAIRS_PER_BATCH,
    maxNameLength: limits.maxNameLength ?? D.MAX_NAME_LENGTH,
    maxRankCandidates: limits.maxRankCandidates ?? D.MAX_RANK_CANDIDATES,
  };
}
