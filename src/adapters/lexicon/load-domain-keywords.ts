import { join } from "node:path";
import { compileDomainKeywords, type DomainKeywords } from "../../lexicon/compile-domain-keywords.js";
import { prebuiltLexicon } from "./compiled-lexicon-file.js";
import { packageDataDir } from "./package-data-dir.js";
import { readJsonFile } from "./read-json-file.js";

/**
 * Loads and compiles `<dataDir>/domain-keywords.json` synchronously.
 *
 * @param dataDir the data directory. @default the package's bundled `data/` (the build's compiled table
 *   when the built package has a fresh one)
 * @throws CompetencyError FILE_NOT_FOUND, FILE_UNREADABLE, INVALID_JSON, INVALID_CONFIG (bad keyword table).
 */
export function loadDomainKeywords(dataDir?: string): DomainKeywords {
  if (dataDir === undefined) {
    const prebuilt = prebuiltLexicon();
    if (prebuilt !== undefined) return prebuilt.keywords;
  }
  return compileDomainKeywords(readJsonFile(join(dataDir ?? packageDataDir(), "domain-keywords.json")).value);
}
