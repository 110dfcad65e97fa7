import { DOMAINS } from "../core/lexicon/domains.js";
import { normalizeName } from "../core/text/normalize-name.js";
import type { Domain } from "../core/types.js";
import { CompetencyError, type Issue } from "../errors.js";
import { tokenize } from "./tokenize.js";

/** Compiled keyword table for `classifyDomain`: a whole-token phrase (1..maxWords tokens) → domain. */
export type DomainKeywords = {
  readonly phrases: ReadonlyMap<string, Domain>;
  readonly maxWords: number;
};

/**
 * Compiles `data/domain-keywords.json` (`{ "domains": { "<Domain>": ["keyword", …] } }`). Each keyword is
 * normalised and tokenised, and stored as its tokens joined by one space so lookups match whole tokens only.
 *
 * @throws CompetencyError INVALID_CONFIG listing every issue: unknown domain, non-string or blank keyword,
 * a keyword claimed by two domains.
 */
export function compileDomainKeywords(json: unknown): DomainKeywords {
  const issues: Issue[] = [];
  const phrases = new Map<string, Domain>();
  let maxWords = 1;
  const domains = isRecord(json) ? json.domains : undefined;
  if (!isRecord(domains)) {
    issues.push({
      code: "invalid_type",
      path: ["domains"],
      message: "domains must be an object of keyword lists",
    });
  } else {
    for (const [domain, list] of Object.entries(domains)) {
      if (!DOMAINS.has(domain)) {
        issues.push({
          code: "unknown_value",
          path: ["domains", domain],
          message: `unknown domain "${domain}"`,
        });
        continue;
      }
      if (!Array.isArray(list)) {
        issues.push({
          code: "invalid_type",
          path: ["domains", domain],
          message: "keywords must be an array",
        });
        continue;
      }
      list.forEach((raw: unknown, k) => {
        const path = ["domains", domain, k];
        const tokens = typeof raw === "string" ? tokenize(normalizeName(raw)) : [];
        if (tokens.length === 0) {
          issues.push({
            code: "blank",
            path,
            message: `keyword must contain a word, got ${JSON.stringify(raw)}`,
          });
          return;
        }
        const phrase = tokens.join(" ");
        const owner = phrases.get(phrase);
        if (owner !== undefined && owner !== domain) {
          issues.push({
            code: "too_many",
            path,
            message: `keyword "${phrase}" is already listed for ${owner}`,
          });
          return;
        }
        phrases.set(phrase, domain as Domain);
        if (tokens.length > maxWords) maxWords = tokens.length;
      });
    }
  }
  if (issues.length > 0) {
    throw new CompetencyError("INVALID_CONFIG", `domain keywords: ${issues[0]!.message}`, {
      details: { issues },
    });
  }
  return { phrases, maxWords };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
