/** An abbreviation with a level or scope suffix: "emt-b", "emt-p", "hvac/r", "cna-ii". */
const LEVEL_SUFFIX = /^([\p{L}\p{N}&]{2,6})[-/](\p{L}|ii|iii|iv|[0-9])$/u;

/**
 * A credential abbreviation without its level suffix ("emt-b" → "emt", "hvac/r" → "hvac"), or the name
 * itself. The basic, paramedic or refrigeration level is still the same skill family's name; scoring reads
 * the level from the level field. Allocates only on a match.
 *
 * @example dropLevelSuffix("emt-b") // "emt"
 */
export function dropLevelSuffix(norm: string): string {
  const m = LEVEL_SUFFIX.exec(norm);
  return m === null ? norm : m[1]!;
}
