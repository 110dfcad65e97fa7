/**
 * The page's inputs as a URL fragment (`#m=<base64url JSON>`), so a link reproduces the view. The fragment
 * never reaches the server. Rows are packed as arrays to keep links short.
 */
import type { Strategy } from "../core/types.js";
import { type MatchRequest, type RequiredInput, type SkillInput, STRATEGIES } from "./types.js";

const PREFIX = "#m=";
type Packed = { v: 1; s: Strategy; c: unknown[][]; r: unknown[][] };

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i] as number);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

const num = (x: unknown): number | undefined => (typeof x === "number" ? x : undefined);

function unpackSkill(row: unknown[]): SkillInput {
  const level: SkillInput["level"] = {};
  const value = num(row[1]);
  const max = num(row[2]);
  if (value !== undefined) level.value = value;
  if (max !== undefined) level.max = max;
  return { name: typeof row[0] === "string" ? row[0] : "", level };
}

function unpackRequired(row: unknown[]): RequiredInput {
  const skill: RequiredInput = unpackSkill(row);
  const weight = num(row[3]);
  if (weight !== undefined) skill.weight = weight;
  if (row[4] === 1 || row[4] === true) skill.mustHave = true;
  return skill;
}

/** The fragment for a request, `#m=…`. */
export function encodePermalink(request: MatchRequest): string {
  const packed: Packed = {
    v: 1,
    s: request.strategy,
    c: request.candidateSkills.map((s) => [s.name, s.level.value ?? null, s.level.max ?? null]),
    r: request.requiredSkills.map((s) => {
      const row: unknown[] = [s.name, s.level.value ?? null, s.level.max ?? null];
      if (s.weight !== undefined || s.mustHave === true) row.push(s.weight ?? null);
      if (s.mustHave === true) row.push(1);
      return row;
    }),
  };
  return PREFIX + toBase64Url(JSON.stringify(packed));
}

/** The request in a fragment, or null when the fragment is absent or not one of ours. */
export function decodePermalink(hash: string): MatchRequest | null {
  if (!hash.startsWith(PREFIX)) return null;
  let packed: unknown;
  try {
    packed = JSON.parse(fromBase64Url(hash.slice(PREFIX.length)));
  } catch {
    return null; // a truncated or hand-edited link: the page opens with the example instead
  }
  if (typeof packed !== "object" || packed === null) return null;
  const p = packed as Partial<Packed>;
  if (p.v !== 1 || !Array.isArray(p.c) || !Array.isArray(p.r)) return null;
  const rows = (list: unknown[]) => list.filter((row): row is unknown[] => Array.isArray(row));
  return {
    strategy: STRATEGIES.includes(p.s as Strategy) ? (p.s as Strategy) : "default",
    candidateSkills: rows(p.c).map(unpackSkill),
    requiredSkills: rows(p.r).map(unpackRequired),
  };
}
