/** The texts behind "copy as JSON" and "copy as curl": the exact `/v1/match` body the page sends. */
import type { MatchRequest } from "./types.js";

/** The request body: strategy is left out when it is the default, as a person would write it. */
export function requestBody(request: MatchRequest): Record<string, unknown> {
  const body: Record<string, unknown> = {
    candidateSkills: request.candidateSkills,
    requiredSkills: request.requiredSkills,
  };
  if (request.strategy !== "default") body.strategy = request.strategy;
  return body;
}

export function asJson(request: MatchRequest): string {
  return JSON.stringify(requestBody(request), null, 2);
}

/** Quotes for a POSIX shell: everything inside single quotes, each `'` written as `'\''`. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}

/**
 * A curl command that sends the same request. The key itself is never written out: with auth on, the
 * command reads it from `$COMPETENCY_API_KEY`.
 */
export function asCurl(request: MatchRequest, origin: string, needsKey: boolean): string {
  const parts = ["curl -s -X POST", shellQuote(`${origin}/v1/match`), "-H 'content-type: application/json'"];
  if (needsKey) parts.push('-H "authorization: Bearer $COMPETENCY_API_KEY"');
  parts.push("-d", shellQuote(JSON.stringify(requestBody(request))));
  return parts.join(" ");
}
