import type { Matcher } from "../matcher-types.js";
import { splitDisputed } from "./disputed.js";
import { falseFriendsAbove } from "./false-friends.js";
import { type RunEvalOptions, runEval } from "./run-eval.js";
import type { DisputedCase, EvalSetReport, QualityCase } from "./types.js";

/** One named fixture set: its loaded cases and its disputed list. */
export type EvalSet = {
  readonly name: string;
  readonly dir: string;
  readonly cases: readonly QualityCase[];
  readonly disputed: readonly DisputedCase[];
};

/**
 * Scores one fixture set on its own: disputed cases are left out of the metrics (and listed), and every
 * marked false friend that reached a higher-graded candidate is listed.
 *
 * @throws CompetencyError SCHEMA_MISMATCH when a disputed id names no case of the set
 */
export async function runEvalSet(
  matcher: Matcher,
  set: EvalSet,
  options: RunEvalOptions = {},
): Promise<EvalSetReport> {
  const { scored, disputed } = splitDisputed(set.cases, set.disputed);
  const report = await runEval(matcher, scored, options);
  return {
    name: set.name,
    dir: set.dir,
    report,
    disputed,
    falseFriendsAbove: falseFriendsAbove(report.cases),
  };
}
