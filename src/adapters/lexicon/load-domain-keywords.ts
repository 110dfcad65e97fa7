import { join } from "node:path";
import { compileDomainKeywords, type DomainKeywords } from "../../lexicon/compile-domain-keywords.js";
import { packageDataDir } from "./package-data-dir.js";
import { readJsonFile } from "./read-json-file.js";

/**
 * Loads and compiles `<dataDir>/domain-keywords.json` synchronously.
 *
 * @param dataDir the data directory. @default the package's bundled `data/`
 * @throws CompetencyError FILE_NOT_FOUND, FILE_UNREADABLE, INVALID_JSON, INVALID_CONFIG (bad keyword table).
 */
export function loadDomainKeywords(dataDir: string = packageDataDir()): DomainKeywords {
  return compileDomainKeywords(readJsonFile(join(dataDir, "domain-keywords.json")).value);
}
