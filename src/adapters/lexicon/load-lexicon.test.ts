import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CompetencyError } from "../../errors.js";
import { loadDomainKeywords } from "./load-domain-keywords.js";
import { loadLexicon } from "./load-lexicon.js";

function dataDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "lexicon-"));
  mkdirSync(join(dir, "skills"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, "skills", name), text);
  return dir;
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof CompetencyError ? e.code : "not a CompetencyError";
  }
  return undefined;
}

const A = JSON.stringify({ domain: "General", skills: [{ id: "a", name: "A" }] });
const B = JSON.stringify({ domain: "Sales", skills: [{ id: "b", name: "B", related: ["a"] }] });

describe("loadLexicon", () => {
  it("loads files in sorted order with a content-hash version", () => {
    const lex = loadLexicon(dataDir({ "b.json": B, "a.json": A, "notes.txt": "ignored" }));
    expect(lex.ids).toEqual(["a", "b"]);
    expect(lex.version).toMatch(/^lex-[0-9a-f]{12}$/);
    expect(loadLexicon(dataDir({ "a.json": A, "b.json": B })).version).toBe(lex.version);
    expect(loadLexicon(dataDir({ "a.json": A, "b.json": `${B}\n` })).version).not.toBe(lex.version);
  });

  it("loads the bundled data by default", () => {
    expect(loadLexicon().size).toBeGreaterThanOrEqual(1100);
  });

  it("wraps a missing directory in FILE_NOT_FOUND", () => {
    expect(codeOf(() => loadLexicon(join(tmpdir(), "no-such-lexicon-dir")))).toBe("FILE_NOT_FOUND");
    expect(codeOf(() => loadLexicon(dataDir({})))).toBe("FILE_NOT_FOUND");
  });

  it("wraps bad JSON in INVALID_JSON with the parse error as cause", () => {
    let error: unknown;
    try {
      loadLexicon(dataDir({ "a.json": "{ nope" }));
    } catch (e) {
      error = e;
    }
    expect((error as CompetencyError).code).toBe("INVALID_JSON");
    expect((error as CompetencyError).cause).toBeInstanceOf(SyntaxError);
  });

  it("rejects a file of the wrong shape and an invalid lexicon", () => {
    expect(codeOf(() => loadLexicon(dataDir({ "a.json": "[]" })))).toBe("SCHEMA_MISMATCH");
    expect(codeOf(() => loadLexicon(dataDir({ "b.json": B })))).toBe("INVALID_CONFIG");
  });
});

describe("loadDomainKeywords", () => {
  it("loads the bundled keyword table", () => {
    expect(loadDomainKeywords().phrases.get("nursing")).toBe("Healthcare");
  });

  it("wraps a missing file in FILE_NOT_FOUND", () => {
    expect(codeOf(() => loadDomainKeywords(dataDir({})))).toBe("FILE_NOT_FOUND");
  });
});
