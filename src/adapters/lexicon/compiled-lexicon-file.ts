import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CompiledLexicon } from "../../core/lexicon/types.js";
import type { DomainKeywords } from "../../lexicon/compile-domain-keywords.js";
import {
  COMPILED_LEXICON_FORMAT,
  type CompiledLexiconJson,
  deserializeLexicon,
} from "../../lexicon/serialize-lexicon.js";
import { packageDataDir } from "./package-data-dir.js";

/** File name of the build's compiled lexicon, written beside the bundled modules in dist/. */
export const COMPILED_LEXICON_FILE = "compiled-lexicon.json";

export type LexiconAndKeywords = { readonly lexicon: CompiledLexicon; readonly keywords: DomainKeywords };

/** The data files a compiled lexicon is built from, relative to the data directory, in load order. */
export function lexiconSourceFiles(dataDir: string): string[] {
  const skills = readdirSync(join(dataDir, "skills"))
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => `skills/${name}`);
  return [...skills, "domain-keywords.json"];
}

/**
 * Reads a compiled lexicon without validating it, or returns undefined when there is none, it has another
 * format, or it is stale: the data directory's file list differs from the one it was built from, or a data
 * file is newer than it (someone edited data/ after the build).
 */
export function readCompiledLexicon(path: string, dataDir: string): LexiconAndKeywords | undefined {
  let builtAt: number;
  let json: CompiledLexiconJson;
  try {
    builtAt = statSync(path).mtimeMs;
    json = JSON.parse(readFileSync(path, "utf8")) as CompiledLexiconJson;
    if (json.format !== COMPILED_LEXICON_FORMAT) return undefined;
    const sources = lexiconSourceFiles(dataDir);
    if (sources.length !== json.sources.length || sources.some((s, k) => s !== json.sources[k]))
      return undefined;
    if (sources.some((s) => statSync(join(dataDir, s)).mtimeMs > builtAt)) return undefined;
  } catch {
    return undefined;
  }
  return deserializeLexicon(json);
}

let memo: LexiconAndKeywords | null | undefined;

/**
 * The bundled data, compiled at build time: read once per process from `compiled-lexicon.json` beside this
 * module. Only the built package has that file; running from sources (tests, tsx) returns undefined and the
 * callers compile and validate data/ as before.
 */
export function prebuiltLexicon(): LexiconAndKeywords | undefined {
  if (memo === undefined) {
    const path = fileURLToPath(new URL(`./${COMPILED_LEXICON_FILE}`, import.meta.url));
    memo = readCompiledLexicon(path, packageDataDir()) ?? null;
  }
  return memo ?? undefined;
}
