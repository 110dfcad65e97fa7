/** True for C0 and C1 controls, DEL, and the bidi embedding, override and isolate characters. */
export function isForbiddenNameCode(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/**
 * Index of the first character a skill name must not contain (controls and bidi overrides), or -1.
 * Such characters can clear or recolour a terminal or reverse a line when the name is printed.
 *
 * @example forbiddenNameChar("Dock\u202Eer") // 4
 */
export function forbiddenNameChar(name: string): number {
  for (let i = 0, n = name.length; i < n; i++) if (isForbiddenNameCode(name.charCodeAt(i))) return i;
  return -1;
}
