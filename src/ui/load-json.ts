/**
 * Reads pasted or dropped JSON into editor rows: a whole `/v1/match` body, or one skill list (an array, or
 * `{ "skills": [...] }`) for one editor. Values that are not numbers are left blank so validation flags them.
 */
import type { Strategy } from "../core/types.js";
import { type MatchRequest, type RequiredInput, STRATEGIES } from "./types.js";

export type Loaded = { ok: true; request: Partial<MatchRequest> } | { ok: false; message: string };

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function toRows(list: unknown): RequiredInput[] | null {
  const items = isRecord(list) && Array.isArray(list.skills) ? list.skills : list;
  if (!Array.isArray(items)) return null;
  return items.map((item): RequiredInput => {
    const o = isRecord(item) ? item : {};
    const level = isRecord(o.level) ? o.level : {};
    const row: RequiredInput = { name: typeof o.name === "string" ? o.name : "", level: {} };
    if (typeof level.value === "number") row.level.value = level.value;
    if (typeof level.max === "number") row.level.max = level.max;
    if (typeof o.weight === "number") row.weight = o.weight;
    if (o.mustHave === true) row.mustHave = true;
    return row;
  });
}

/** `target` says where a bare skill list goes; a whole match body always fills both editors. */
export function loadRequestJson(text: string, target: "both" | "candidate" | "required"): Loaded {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `INVALID_JSON: not valid JSON: ${(error as Error).message}` };
  }
  if (isRecord(value) && ("candidateSkills" in value || "requiredSkills" in value)) {
    const request: Partial<MatchRequest> = {};
    const cand = toRows(value.candidateSkills);
    const req = toRows(value.requiredSkills);
    if (cand !== null) request.candidateSkills = cand.map((s) => ({ name: s.name, level: s.level }));
    if (req !== null) request.requiredSkills = req;
    if (STRATEGIES.includes(value.strategy as Strategy)) request.strategy = value.strategy as Strategy;
    return { ok: true, request };
  }
  const rows = toRows(value);
  if (rows === null || target === "both") {
    return {
      ok: false,
      message:
        target === "both"
          ? 'SCHEMA_MISMATCH: expected a /v1/match body { "candidateSkills": [...], "requiredSkills": [...] }; to load one skill list, use the file button of its editor'
          : 'SCHEMA_MISMATCH: expected an array of skills or { "skills": [...] }',
    };
  }
  return {
    ok: true,
    request:
      target === "candidate"
        ? { candidateSkills: rows.map((s) => ({ name: s.name, level: s.level })) }
        : { requiredSkills: rows },
  };
}
