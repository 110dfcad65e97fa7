const POSSESSIVE = /['’]s\b/g;

/**
 * `norm` without its possessives: "journeyman electrician's license" → "journeyman electrician license".
 * Most names have no apostrophe and skip the regex.
 *
 * @example dropPossessive("driver's license") // "driver license"
 */
export function dropPossessive(norm: string): string {
  return norm.includes("'") || norm.includes("’") ? norm.replace(POSSESSIVE, "") : norm;
}
