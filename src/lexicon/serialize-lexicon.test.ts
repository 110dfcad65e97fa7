import { cpSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lexiconSourceFiles, readCompiledLexicon } from "../adapters/lexicon/compiled-lexicon-file.js";
import { loadDomainKeywords } from "../adapters/lexicon/load-domain-keywords.js";
import { loadLexicon } from "../adapters/lexicon/load-lexicon.js";
import { packageDataDir } from "../adapters/lexicon/package-data-dir.js";
import { expansionsOf } from "../core/lexicon/acronym-allowed.js";
import { type CompiledLexiconJson, deserializeLexicon, serializeLexicon } from "./serialize-lexicon.js";

const DATA = packageDataDir();
const lexicon = loadLexicon(DATA);
const keywords = loadDomainKeywords(DATA);
const text = serializeLexicon(lexicon, keywords, lexiconSourceFiles(DATA));
const tmp = mkdtempSync(join(tmpdir(), "competency-compiled-lexicon-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of data/ and a compiled lexicon built from it, written after the data. */
function fixture(name: string): { dataDir: string; artifact: string } {
  const dataDir = join(tmp, name, "data");
  cpSync(DATA, dataDir, { recursive: true });
  const past = new Date(Date.now() - 60_000);
  for (const file of lexiconSourceFiles(dataDir)) utimesSync(join(dataDir, file), past, past);
  const artifact = join(tmp, name, "compiled-lexicon.json");
  writeFileSync(artifact, text);
  return { dataDir, artifact };
}

describe("compiled lexicon", () => {
  it("rebuilds exactly what compiling the data gives, in the same iteration order", () => {
    const back = deserializeLexicon(JSON.parse(text) as CompiledLexiconJson);
    expect(back.lexicon).toEqual(lexicon);
    expect(back.keywords).toEqual(keywords);
    expect([...back.lexicon.index.keys()]).toEqual([...lexicon.index.keys()]);
    expect(back.lexicon.related.map((s) => [...s])).toEqual(lexicon.related.map((s) => [...s]));
    expect(back.lexicon.falseFriends.map((s) => [...s])).toEqual(lexicon.falseFriends.map((s) => [...s]));
    expect(serializeLexicon(back.lexicon, back.keywords, lexiconSourceFiles(DATA))).toBe(text);
  });

  it("carries the acronym expansions the build computed, equal to computing them from the data", () => {
    const back = deserializeLexicon(JSON.parse(text) as CompiledLexiconJson);
    const fresh = expansionsOf(loadLexicon(DATA)); // a new lexicon object: computed, not primed
    expect(expansionsOf(back.lexicon)).toEqual(fresh);
    expect(fresh.filter((e) => e !== null).length).toBeGreaterThan(100);
  });

  it("is read while every data file is older than it", () => {
    const { dataDir, artifact } = fixture("fresh");
    expect(readCompiledLexicon(artifact, dataDir)?.lexicon.version).toBe(lexicon.version);
  });

  it("is ignored once a data file is edited after the build", () => {
    const { dataDir, artifact } = fixture("edited");
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(dataDir, "skills", "devops.json"), future, future);
    expect(readCompiledLexicon(artifact, dataDir)).toBeUndefined();
  });

  it("is ignored when a data file was added or removed, or it has another format", () => {
    const added = fixture("added");
    const past = new Date(Date.now() - 120_000);
    writeFileSync(join(added.dataDir, "skills", "zz-new.json"), '{"domain":"General","skills":[]}');
    utimesSync(join(added.dataDir, "skills", "zz-new.json"), past, past);
    expect(readCompiledLexicon(added.artifact, added.dataDir)).toBeUndefined();
    const other = fixture("format");
    writeFileSync(other.artifact, JSON.stringify({ ...JSON.parse(text), format: 0 }));
    expect(readCompiledLexicon(other.artifact, other.dataDir)).toBeUndefined();
    expect(readCompiledLexicon(join(tmp, "missing.json"), DATA)).toBeUndefined();
  });
});
