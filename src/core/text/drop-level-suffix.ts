/** An abbreviation with a level or scope suffix: "emt-b", "emt-p", "hvac/r", "cna-ii". */
const LEVEL_SUFFIX = /^([\p{L}\p{N}&]{2,6})[-/](\p{L}|ii|iii|iv|[0-9])$/u;
/** The longest string LEVEL_SUFFIX can match, in UTF-16 units: 6 letters of two units, a separator, 3 more. */
const MAX_LENGTH = 6 * 2 + 1 + 3;

/**
 * A credential abbreviation without its level suffix ("emt-b" → "emt", "hvac/r" → "hvac"), or the name
 * itself. The basic, paramedic or refrigeration level is still the same skill family's name; scoring reads
 * the level from the level field. Allocates only on a match.
 *
 * @example dropLevelSuffix("emt-b") // "emt"
 */
export function dropLevelSuffix(norm: string): string {
  // Most names cannot match: a level suffix needs a `-` or `/`, and at most 6 + 1 + 3 code points (16 UTF-16
  // units). Every new name of a ranking comes here twice (findSkill, acronymForms), so the regex runs only
  // where it may match.
  if (norm.length > MAX_LENGTH || (!norm.includes("-") && !norm.includes("/"))) return norm;
  const m = LEVEL_SUFFIX.exec(norm);
  return m === null ? norm : m[1]!;
}
