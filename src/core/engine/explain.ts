import type { Evidence, Level, Relation } from "../types.js";

function formatLevel(level: Level): string {
  return `${level.value}/${level.max}`;
}

/**
 * One sentence saying why a required skill got its score: which candidate skill was the evidence, how it
 * relates, and how its level compares. Plain text, no trailing period, stable wording (tests pin it).
 *
 * @example explain("TypeScript", {value: 3, max: 5}, "JavaScript", {value: 5, max: 5}, "related", "related", 0.7, 1)
 * // "JavaScript 5/5 is closely related to TypeScript (required 3/5); level meets the requirement"
 */
export function explain(
  requiredName: string,
  requiredLevel: Level,
  candidateName: string,
  candidateLevel: Level,
  relation: Relation,
  evidence: Evidence,
  similarity: number,
  levelRatio: number,
): string {
  const req = formatLevel(requiredLevel);
  const cand = `${candidateName} ${formatLevel(candidateLevel)}`;
  const level =
    levelRatio >= 1
      ? "level meets the requirement"
      : `level is ${Math.round(levelRatio * 100)}% of the requirement`;
  if (evidence === "none") {
    return `No related skill for ${requiredName} (required ${req}); closest is ${candidateName} (similarity ${similarity.toFixed(2)})`;
  }
  switch (relation) {
    case "exact":
      return `${cand} matches ${requiredName} exactly (required ${req}); ${level}`;
    case "alias":
      return `${cand} is another name for ${requiredName} (required ${req}); ${level}`;
    case "child":
      return `${cand} is a kind of ${requiredName} (required ${req}); ${level}`;
    case "parent":
      return `${cand} is the broader skill of ${requiredName} (required ${req}); ${level}`;
    case "related":
      return `${cand} is closely related to ${requiredName} (required ${req}); ${level}`;
    default:
      return `${cand} is similar to ${requiredName} (similarity ${similarity.toFixed(2)}; required ${req}); ${level}`;
  }
}
