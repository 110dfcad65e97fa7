import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { CompiledLexicon, LexiconFile } from "../../core/lexicon/types.js";
import { CompetencyError } from "../../errors.js";
import { compileLexicon } from "../../lexicon/compile-lexicon.js";
import { prebuiltLexicon } from "./compiled-lexicon-file.js";
import { packageDataDir } from "./package-data-dir.js";
import { readJsonFile } from "./read-json-file.js";

/** Length of the hex digest in the lexicon version, `lex-<12 hex>`. */
const VERSION_HEX_LENGTH = 12;

/**
 * Loads and compiles every `<dataDir>/skills/*.json` (sorted by file name), synchronously.
 * The version is `"lex-"` + the first 12 hex digits of SHA-256 over the file contents in that order, so it
 * changes whenever the data does.
 *
 * Without `dataDir`, the built package reads the lexicon the build compiled and validated (see
 * `prebuiltLexicon`), and falls back to compiling the package's `data/` when that is absent or stale.
 *
 * @param dataDir the data directory holding `skills/`. @default the package's bundled `data/`
 * @throws CompetencyError FILE_NOT_FOUND (no directory or no files), FILE_UNREADABLE, INVALID_JSON,
 * SCHEMA_MISMATCH (a file is not `{ domain, skills: [] }`), INVALID_CONFIG (compileLexicon's validation).
 */
export function loadLexicon(dataDir?: string): CompiledLexicon {
  if (dataDir === undefined) return prebuiltLexicon()?.lexicon ?? compileLexiconDir(packageDataDir());
  return compileLexiconDir(dataDir);
}

function compileLexiconDir(dataDir: string): CompiledLexicon {
  const dir = join(dataDir, "skills");
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => name.endsWith(".json"))
      .sort();
  } catch (cause) {
    throw new CompetencyError("FILE_NOT_FOUND", `lexicon directory ${dir}`, { cause });
  }
  if (names.length === 0) throw new CompetencyError("FILE_NOT_FOUND", `no *.json lexicon files in ${dir}`);
  const hash = createHash("sha256");
  const files: LexiconFile[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const { text, value } = readJsonFile(path);
    hash.update(text);
    if (!isLexiconFileShape(value)) {
      throw new CompetencyError("SCHEMA_MISMATCH", `${path}: expected { "domain": string, "skills": [...] }`);
    }
    files.push(value);
  }
  return compileLexicon(files, `lex-${hash.digest("hex").slice(0, VERSION_HEX_LENGTH)}`);
}

function isLexiconFileShape(value: unknown): value is LexiconFile {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { domain?: unknown; skills?: unknown };
  return typeof v.domain === "string" && Array.isArray(v.skills);
}
