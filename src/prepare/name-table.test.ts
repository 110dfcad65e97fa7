import { describe, expect, it } from "vitest";
import { loadDomainKeywords } from "../adapters/lexicon/load-domain-keywords.js";
import { loadLexicon } from "../adapters/lexicon/load-lexicon.js";
import { normalizeName } from "../core/text/normalize-name.js";
import { classifyDomain } from "../lexicon/classify-domain.js";
import { findSkill } from "../lexicon/find-skill.js";
import { nameHead } from "../lexicon/name-head.js";
import { createNameTable } from "./name-table.js";

describe("createNameTable", () => {
  it("reads each name's lexicon index, domain and head as findSkill, classifyDomain and nameHead do alone", () => {
    const lex = loadLexicon();
    const keywords = loadDomainKeywords();
    const table = createNameTable(lex, keywords, "test-model", 1_000_000);
    const keys = [...lex.index.keys()];
    const names = [
      ...keys.slice(0, 400),
      ...keys.slice(0, 400).map((k) => `applied ${k} skills`),
      ...keys.slice(400, 600).map((k) => `${k} (zorblax quantic 953)`),
      "Programmable Logic Controllers (PLCs)",
      "Registered Nurse (RN) license",
      "zorblax quantic 953",
      "machine learning and data analysis",
    ];
    for (const raw of names) {
      const norm = normalizeName(raw);
      const entry = table.entry(raw);
      expect(entry.lexIndex, raw).toBe(findSkill(lex, norm));
      expect(entry.domain, raw).toBe(classifyDomain(lex, keywords, norm));
      const head = nameHead(norm);
      expect(entry.head === null ? null : { ...entry.head }, raw).toEqual(head === null ? null : { ...head });
    }
  });
});
