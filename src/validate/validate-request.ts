import type { IncludeOption, RequiredSkill, Skill, Strategy } from "../core/types.js";
import {
  MAX_NAME_LENGTH,
  MAX_PAIRS_PER_BATCH,
  MAX_RANK_CANDIDATES,
  MAX_SKILLS_PER_SIDE,
} from "../defaults.js";
import { formatPath, type Issue } from "../errors.js";
import type { Limits } from "../matcher-types.js";
import { checkKeys, isRecord } from "./check-keys.js";
import { describeValue } from "./describe-value.js";
import { validateMatchOptions } from "./validate-match-options.js";
import { validateSkills } from "./validate-skills.js";

/**
 * The one request validator of the HTTP service, the CLI and the browser playground. Pure: no Node or
 * Fastify imports. Every issue is `{ code, path, message }` and every message starts with its path
 * (`candidateSkills[1].level.value: …`), the same text the API returns in `error.issues`.
 */

type Path = readonly (string | number)[];

export type Validated<T> =
  | { readonly ok: true; readonly value: T; readonly cost: number }
  | { readonly ok: false; readonly issues: readonly Issue[] };

export type MatchRequest = {
  readonly candidateSkills: readonly Skill[];
  readonly requiredSkills: readonly RequiredSkill[];
  readonly strategy?: Strategy;
  readonly include?: readonly IncludeOption[];
};
export type BatchRequest = {
  readonly pairs: readonly {
    readonly id?: string;
    readonly candidateSkills: readonly Skill[];
    readonly requiredSkills: readonly RequiredSkill[];
  }[];
  readonly strategy?: Strategy;
  readonly include?: readonly IncludeOption[];
};
export type RankRequest = {
  readonly requiredSkills: readonly RequiredSkill[];
  readonly candidates: readonly { readonly id: string; readonly skills: readonly Skill[] }[];
  readonly topK?: number;
  readonly strategy?: Strategy;
};

export const DEFAULT_LIMITS: Limits = {
  maxSkillsPerSide: MAX_SKILLS_PER_SIDE,
  maxPairsPerBatch: MAX_PAIRS_PER_BATCH,
  maxNameLength: MAX_NAME_LENGTH,
  maxRankCandidates: MAX_RANK_CANDIDATES,
};
/** Longest `id` of a batch pair or rank candidate. */
export const MAX_ID_LENGTH = 200;

const STRICT = { strict: true, wrapped: false } as const;

/** Prefixes the messages of issues pushed since `from` with their path. */
function prefix(issues: Issue[], from: number): void {
  for (let k = from; k < issues.length; k++) {
    const issue = issues[k] as Issue;
    issues[k] = { ...issue, message: `${formatPath(issue.path)}: ${issue.message}` };
  }
}

function root(body: unknown, allowed: readonly string[], issues: Issue[]): Record<string, unknown> | null {
  if (!isRecord(body)) {
    issues.push({
      code: "invalid_type",
      path: [],
      message: `expected a JSON object, got ${describeValue(body)}`,
    });
    return null;
  }
  checkKeys(body, allowed, [], true, issues);
  return body;
}

/** A list of objects between 1 and `max` long, or an issue. */
function list(value: unknown, path: Path, max: number, what: string, issues: Issue[]): unknown[] {
  if (!Array.isArray(value)) {
    issues.push({
      code: "invalid_type",
      path,
      message: `expected an array of ${what}, got ${describeValue(value)}`,
    });
    return [];
  }
  if (value.length === 0)
    issues.push({ code: "empty", path, message: `expected at least one of ${what}, got none` });
  else if (value.length > max)
    issues.push({ code: "too_many", path, message: `at most ${max} ${what} allowed, got ${value.length}` });
  return value.length > max ? [] : value;
}

function id(value: unknown, path: Path, optional: boolean, issues: Issue[]): string | undefined {
  if (value === undefined && optional) return undefined;
  if (typeof value !== "string" || value === "" || value.length > MAX_ID_LENGTH) {
    issues.push({
      code: typeof value === "string" ? (value === "" ? "blank" : "too_long") : "invalid_type",
      path,
      message: `id must be a string of 1 to ${MAX_ID_LENGTH} characters, got ${describeValue(value)}`,
    });
    return undefined;
  }
  return value;
}

function options(
  body: Record<string, unknown>,
  issues: Issue[],
): { strategy?: Strategy; include?: IncludeOption[] } {
  const checked = validateMatchOptions({ strategy: body.strategy, include: body.include }, "default", issues);
  const out: { strategy?: Strategy; include?: IncludeOption[] } = {};
  if (body.strategy !== undefined) out.strategy = checked.strategy;
  if (body.include !== undefined) out.include = [...checked.include];
  return out;
}

/** POST /v1/match: `{ candidateSkills, requiredSkills, strategy?, include? }`. Cost = candidates × required. */
export function validateMatchRequest(
  body: unknown,
  limits: Limits = DEFAULT_LIMITS,
): Validated<MatchRequest> {
  const issues: Issue[] = [];
  const b = root(body, ["candidateSkills", "requiredSkills", "strategy", "include"], issues);
  if (b === null) return { ok: false, issues };
  const c = validateSkills(b.candidateSkills, ["candidateSkills"], limits, false, issues, STRICT);
  const r = validateSkills(b.requiredSkills, ["requiredSkills"], limits, true, issues, STRICT);
  const opts = options(b, issues);
  prefix(issues, 0);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { candidateSkills: c, requiredSkills: r, ...opts }, cost: c.length * r.length };
}

/** POST /v1/match/batch: `{ pairs: [{ id?, candidateSkills, requiredSkills }], strategy?, include? }`. */
export function validateBatchRequest(
  body: unknown,
  limits: Limits = DEFAULT_LIMITS,
): Validated<BatchRequest> {
  const issues: Issue[] = [];
  const b = root(body, ["pairs", "strategy", "include"], issues);
  if (b === null) return { ok: false, issues };
  const raw = list(b.pairs, ["pairs"], limits.maxPairsPerBatch, "pairs", issues);
  const pairs: BatchRequest["pairs"][number][] = [];
  let cost = 0;
  for (let k = 0; k < raw.length; k++) {
    const p = raw[k];
    const path = ["pairs", k];
    if (!isRecord(p)) {
      issues.push({ code: "invalid_type", path, message: `expected a pair object, got ${describeValue(p)}` });
      continue;
    }
    checkKeys(p, ["id", "candidateSkills", "requiredSkills"], path, true, issues);
    const pairId = id(p.id, [...path, "id"], true, issues);
    const c = validateSkills(p.candidateSkills, [...path, "candidateSkills"], limits, false, issues, STRICT);
    const r = validateSkills(p.requiredSkills, [...path, "requiredSkills"], limits, true, issues, STRICT);
    cost += c.length * r.length;
    pairs.push(
      pairId === undefined
        ? { candidateSkills: c, requiredSkills: r }
        : { id: pairId, candidateSkills: c, requiredSkills: r },
    );
  }
  const opts = options(b, issues);
  prefix(issues, 0);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { pairs, ...opts }, cost };
}

/** POST /v1/rank: `{ requiredSkills, candidates: [{ id, skills }], topK?, strategy? }`; ids must be unique. */
export function validateRankRequest(body: unknown, limits: Limits = DEFAULT_LIMITS): Validated<RankRequest> {
  const issues: Issue[] = [];
  const b = root(body, ["requiredSkills", "candidates", "topK", "strategy"], issues);
  if (b === null) return { ok: false, issues };
  const r = validateSkills(b.requiredSkills, ["requiredSkills"], limits, true, issues, STRICT);
  const raw = list(b.candidates, ["candidates"], limits.maxRankCandidates, "candidates", issues);
  const candidates: RankRequest["candidates"][number][] = [];
  const seen = new Map<string, number>();
  let skills = 0;
  for (let k = 0; k < raw.length; k++) {
    const cand = raw[k];
    const path = ["candidates", k];
    if (!isRecord(cand)) {
      issues.push({
        code: "invalid_type",
        path,
        message: `expected a candidate { id, skills }, got ${describeValue(cand)}`,
      });
      continue;
    }
    checkKeys(cand, ["id", "skills"], path, true, issues);
    const candId = id(cand.id, [...path, "id"], false, issues);
    if (candId !== undefined) {
      const first = seen.get(candId);
      if (first !== undefined) issues.push(duplicateId(candId, [...path, "id"], `candidates[${first}]`));
      else seen.set(candId, k);
    }
    const s = validateSkills(cand.skills, [...path, "skills"], limits, false, issues, STRICT);
    skills += s.length;
    candidates.push({ id: candId ?? "", skills: s });
  }
  const opts = validateMatchOptions({ strategy: b.strategy, topK: b.topK }, "default", issues);
  prefix(issues, 0);
  if (issues.length > 0) return { ok: false, issues };
  const value: RankRequest = {
    requiredSkills: r,
    candidates,
    ...(b.topK === undefined ? {} : { topK: opts.topK }),
    ...(b.strategy === undefined ? {} : { strategy: opts.strategy }),
  };
  return { ok: true, value, cost: skills * r.length };
}

/** The issue for an id seen before (`where` names the first occurrence, e.g. `candidates[0]` or `line 3`). */
export function duplicateId(value: string, path: Path, where: string): Issue {
  return {
    code: "duplicate_id",
    path,
    message: `duplicate id ${describeValue(value)}, first used by ${where}`,
  };
}

/** A `competency batch` NDJSON line: `{ id?, candidate, required }`. The id defaults to the line number, as a string. */
export function validateBatchLine(
  value: unknown,
  lineNo: number,
  limits: Limits = DEFAULT_LIMITS,
): { readonly id: string } & Validated<{ candidate: readonly Skill[]; required: readonly RequiredSkill[] }> {
  const issues: Issue[] = [];
  const b = root(value, ["id", "candidate", "required"], issues);
  if (b === null) return { id: String(lineNo), ok: false, issues: lineIssues(issues, lineNo) };
  const lineId = id(b.id, ["id"], true, issues) ?? String(lineNo);
  const c = validateSkills(b.candidate, ["candidate"], limits, false, issues, { strict: true });
  const r = validateSkills(b.required, ["required"], limits, true, issues, { strict: true });
  if (issues.length > 0) return { id: lineId, ok: false, issues: lineIssues(issues, lineNo) };
  return { id: lineId, ok: true, value: { candidate: c, required: r }, cost: c.length * r.length };
}

/** A `competency rank` NDJSON line: `{ id, skills }`. */
export function validateRankLine(
  value: unknown,
  lineNo: number,
  limits: Limits = DEFAULT_LIMITS,
): { readonly id: string | undefined } & Validated<readonly Skill[]> {
  const issues: Issue[] = [];
  const b = root(value, ["id", "skills"], issues);
  if (b === null) return { id: undefined, ok: false, issues: lineIssues(issues, lineNo) };
  const lineId = id(b.id, ["id"], false, issues);
  const s = validateSkills(b.skills, ["skills"], limits, false, issues, { strict: true });
  if (issues.length > 0) return { id: lineId, ok: false, issues: lineIssues(issues, lineNo) };
  return { id: lineId, ok: true, value: s, cost: s.length };
}

/** Line issues: the path is relative to the line, and the message is `line N: path: text`, the one CLI format. */
function lineIssues(issues: Issue[], lineNo: number): Issue[] {
  return issues.map((issue) => ({
    ...issue,
    message: `line ${lineNo}: ${formatPath(issue.path)}: ${issue.message}`,
  }));
}

/**
 * A skill file of the CLI (`match` inputs, the `rank` role): a JSON array of skills or `{ "skills": [...] }`,
 * read strictly (unknown keys reported). Messages start with the file's label, then the path.
 */
export function validateSkillFile(
  value: unknown,
  label: string,
  required: boolean,
  limits: Limits = DEFAULT_LIMITS,
): Validated<readonly RequiredSkill[]> {
  const issues: Issue[] = [];
  const list = validateSkills(value, [], limits, required, issues, { strict: true });
  if (issues.length > 0)
    return {
      ok: false,
      issues: issues.map((i) => ({ ...i, message: `${label}: ${formatPath(i.path)}: ${i.message}` })),
    };
  return { ok: true, value: list, cost: list.length };
}
