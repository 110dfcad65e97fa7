/** C0 and C1 controls, DEL, and the bidi embedding, override and isolate characters. */
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * Index of the first character a skill name must not contain (controls and bidi overrides), or -1.
 * Such characters can clear or recolour a terminal or reverse a line when the name is printed.
 *
 * @example forbiddenNameChar("Dock\u202Eer") // 4
 */
export function forbiddenNameChar(name: string): number {
  const match = FORBIDDEN.exec(name);
  return match === null ? -1 : match.index;
}
