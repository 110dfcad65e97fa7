/**
 * What the page edits and what it sends: the `/v1/match` body, before validation. Numbers the user left
 * blank are absent, so that validation reports them the way the API would.
 */
import type { MatchResult, Strategy } from "../core/types.js";

export type LevelInput = { value?: number; max?: number };
export type SkillInput = { name: string; level: LevelInput };
export type RequiredInput = SkillInput & { weight?: number; mustHave?: boolean };

export type MatchRequest = {
  candidateSkills: SkillInput[];
  requiredSkills: RequiredInput[];
  strategy: Strategy;
};

/** A MatchResult as the page reads it; `unmetMustHaves` appears once the service reports it. */
export type PageResult = MatchResult & { readonly unmetMustHaves?: readonly string[] };

/** The service's error body: `{ error: { code, message, issues? } }`. */
export type ApiError = {
  readonly code: string;
  readonly message: string;
  readonly issues?: readonly { code: string; path: readonly (string | number)[]; message: string }[];
};

export const STRATEGIES: readonly Strategy[] = ["default", "conservative", "aggressive"];
