import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSource, serialize } from "../scripts/build-lexicon.js";

// data/skills/*.json is built from scripts/lexicon/*.txt. An edit to one side only would be silently undone
// by the next build, so every JSON file must be exactly what its source builds.
// Fix a failure with `npx tsx scripts/build-lexicon.ts --from-json` (JSON edited) or without the flag (source edited).
const SOURCES = join(import.meta.dirname, "..", "scripts", "lexicon");
const BUILT = join(import.meta.dirname, "..", "data", "skills");

describe("lexicon sources and built JSON", () => {
  const sources = readdirSync(SOURCES).filter((f) => f.endsWith(".txt"));
  const built = readdirSync(BUILT).filter((f) => f.endsWith(".json"));

  it("have one source per built file", () => {
    expect(sources.map((f) => f.replace(/\.txt$/, "")).sort()).toEqual(
      built.map((f) => f.replace(/\.json$/, "")).sort(),
    );
  });

  it.each(sources)("%s builds its JSON byte for byte", (name) => {
    const source = parseSource(readFileSync(join(SOURCES, name), "utf8"), name);
    const json = readFileSync(join(BUILT, name.replace(/\.txt$/, ".json")), "utf8");
    expect(serialize(source)).toBe(json);
  });
});
