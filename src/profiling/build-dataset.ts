import type { CompiledLexicon } from "../core/lexicon/types.js";
import type { RequiredSkill, Skill } from "../core/types.js";
import { mulberry32 } from "./mulberry32.js";

/** The workflow's dataset sizes (candidate / required skills). */
export const DATASET_SIZES = {
  small: { candidate: 10, required: 5 },
  medium: { candidate: 50, required: 25 },
  large: { candidate: 100, required: 50 },
} as const;
export type DatasetName = keyof typeof DATASET_SIZES;
export const DATASET_NAMES = Object.keys(DATASET_SIZES) as DatasetName[];
/** Candidate sizes of the growth series (required = candidate / 2). */
export const GROWTH_SIZES: readonly number[] = [10, 20, 50, 100, 200, 500, 1000];

export type Dataset = {
  readonly name: string;
  readonly candidate: Skill[];
  readonly required: RequiredSkill[];
};

/**
 * A deterministic dataset drawn from the lexicon: skill names by seeded index, levels 1–5 of 5 for
 * candidates and 1–4 of 5 for requirements. Half the required skills are drawn from the candidate's, so
 * exact, related and missing skills all occur, as in real data.
 */
export function buildDataset(
  lexicon: CompiledLexicon,
  name: string,
  candidate: number,
  required: number,
  seed = 20261125,
): Dataset {
  const random = mulberry32(seed ^ (candidate * 7919 + required));
  const pick = () => lexicon.names[Math.floor(random() * lexicon.size)] as string;
  const cand: Skill[] = new Array(candidate);
  for (let i = 0; i < candidate; i++)
    cand[i] = { name: pick(), level: { value: 1 + Math.floor(random() * 5), max: 5 } };
  const req: RequiredSkill[] = new Array(required);
  for (let i = 0; i < required; i++) {
    const from = i % 2 === 0 ? (cand[Math.floor(random() * candidate)] as Skill).name : pick();
    req[i] = { name: from, level: { value: 1 + Math.floor(random() * 4), max: 5 } };
  }
  return { name, candidate: cand, required: req };
}
