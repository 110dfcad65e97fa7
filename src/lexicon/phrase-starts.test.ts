import { describe, expect, it } from "vitest";
import { loadDomainKeywords } from "../adapters/lexicon/load-domain-keywords.js";
import { loadLexicon } from "../adapters/lexicon/load-lexicon.js";
import type { CompiledLexicon } from "../core/lexicon/types.js";
import type { Domain } from "../core/types.js";
import { classifyDomain } from "./classify-domain.js";
import type { DomainKeywords } from "./compile-domain-keywords.js";
import { phraseStarts } from "./phrase-starts.js";
import { tokenize } from "./tokenize.js";

/** classifyDomain's scan of an unknown name as it was before phraseStarts: every phrase built and looked up. */
function scanEveryPhrase(lex: CompiledLexicon, keywords: DomainKeywords, norm: string): Domain {
  const tokens = tokenize(norm);
  const scores = new Map<Domain, number>();
  const credit = (d: Domain, w: number) => scores.set(d, (scores.get(d) ?? 0) + w);
  let i = 0;
  while (i < tokens.length) {
    let consumed = 0;
    for (let n = Math.min(Math.max(4, keywords.maxWords), tokens.length - i); n >= 1 && consumed === 0; n--) {
      const phrase = tokens.slice(i, i + n).join(" ");
      const skill = n <= 4 && phrase.length > 1 ? lex.index.get(phrase) : undefined;
      const keyword = keywords.phrases.get(phrase);
      if (skill !== undefined && n > 1) credit(lex.domains[skill] as Domain, 2);
      else if (keyword !== undefined) credit(keyword, 1);
      else if (skill !== undefined) credit(lex.domains[skill] as Domain, 0.75);
      else continue;
      consumed = n;
    }
    const token = tokens[i] as string;
    if (consumed === 0 && token.includes("/"))
      for (const part of token.split("/")) {
        const skill = part.length > 1 ? lex.index.get(part) : undefined;
        const keyword = keywords.phrases.get(part);
        if (keyword !== undefined) credit(keyword, 1);
        else if (skill !== undefined) credit(lex.domains[skill] as Domain, 0.75);
      }
    i += consumed > 0 ? consumed : 1;
  }
  let best: Domain = "General";
  let bestScore = 0;
  for (const [d, s] of scores) if (s > bestScore) [best, bestScore] = [d, s];
  return best;
}

describe("phraseStarts", () => {
  it("lists the first word of every multi-word key and no single-word key", () => {
    const starts = phraseStarts(
      new Map([
        ["machine learning", 1],
        ["deep learning models", 2],
        ["python", 3],
      ]),
    );
    expect([...starts].sort()).toEqual(["deep", "machine"]);
  });

  it("leaves classifyDomain's verdict unchanged on names built from lexicon and keyword phrases", () => {
    const lex = loadLexicon();
    const keywords = loadDomainKeywords();
    const keys = [...lex.index.keys(), ...keywords.phrases.keys()];
    // Unknown names that hold known phrases at every position: each key with unknown words around it,
    // and each key joined with the next one (phrases that overlap, compete and run past the end).
    let checked = 0;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as string;
      const next = keys[(k * 7919 + 1) % keys.length] as string;
      for (const norm of [
        `zorblax ${key}`,
        `${key} quantic 953`,
        `${key} ${next}`,
        `applied ${next} and ${key}`,
      ]) {
        expect(classifyDomain(lex, keywords, norm, -1), norm).toBe(scanEveryPhrase(lex, keywords, norm));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
