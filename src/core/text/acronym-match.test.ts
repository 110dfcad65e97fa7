import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AcronymForms,
  acronymForms,
  acronymMatch,
  contentWords,
  formsAlign,
  sameWord,
} from "./acronym-match.js";

describe("acronymMatch", () => {
  it.each([
    ["plc", "programmable logic controller"],
    ["plcs", "programmable logic controllers"],
    ["programmable-logic controllers (plcs)", "plc"],
    ["emt", "emergency medical technician"],
    ["lpn", "licensed practical nurse"],
    ["osha", "occupational safety and health administration"],
    ["gd&t", "geometric dimensioning and tolerancing"],
    ["p&id", "piping and instrumentation diagram"],
    ["ap/ar", "accounts payable accounts receivable"],
    ["cpt coding", "current procedural terminology coding"],
    ["cnc machining", "computer numerical control machining"],
    ["tig welding", "tungsten inert gas welding"],
    ["bim", "building information modeling"],
    ["cdl", "commercial driver's license"],
    ["hvac", "heating, ventilation and air conditioning"],
  ])("reads %s as an abbreviation of %s, both ways", (a, b) => {
    expect(acronymMatch(a, b)).toBe(true);
    expect(acronymMatch(b, a)).toBe(true);
  });

  it.each([
    ["css", "customer service skills"],
    ["ar", "accounts receivable"],
    ["plc", "public limited company law"],
    ["cnc", "cnc"],
    ["welding", "tungsten inert gas welding"],
    ["cpt coding", "medical billing"],
  ])("does not read %s as %s", (a, b) => {
    expect(acronymMatch(a, b)).toBe(false);
  });
});

describe("acronymForms", () => {
  it.each([
    "heating, ventilation and air conditioning",
    "programmable-logic controllers (plcs)",
    "project manager's handbook (pmbok)",
    "emt-b",
    "customer service skills",
  ])("reads %s with the name's content words first", (norm) => {
    expect(acronymForms(norm)[0]?.words).toEqual(contentWords(norm));
  });
});

/** `formsAlign` as it was before the first-word test: the full alignment table for every pair of forms. */
function formsAlignByTable(fa: AcronymForms, fb: AcronymForms): boolean {
  const compact = (w: string) => w.replace(/[&/.]/g, "");
  const spells = (short: string, long: readonly string[], from: number, to: number): boolean => {
    const n = to - from;
    if (n < 3) return false;
    const letters = short.length === n + 1 && short.endsWith("s") ? short.slice(0, n) : short;
    if (letters.length !== n) return false;
    for (let k = 0; k < n; k++) if (long[from + k]?.[0] !== letters[k]) return false;
    return true;
  };
  const aligns = (a: readonly string[], b: readonly string[]): boolean => {
    const cols = b.length + 1;
    const reach = new Uint8Array((a.length + 1) * cols);
    reach[0] = 1;
    for (let i = 0; i <= a.length; i++)
      for (let j = 0; j <= b.length; j++) {
        const here = reach[i * cols + j] as number;
        if (here === 0) continue;
        if (i < a.length && j < b.length && sameWord(a[i] as string, b[j] as string))
          reach[(i + 1) * cols + j + 1] = (reach[(i + 1) * cols + j + 1] as number) | here;
        const s = i < a.length ? compact(a[i] as string) : "";
        if (s.length >= 3 && s.length <= 8)
          for (let k = 3; j + k <= b.length && k <= s.length; k++)
            if (spells(s, b, j, j + k)) reach[(i + 1) * cols + j + k] = 3;
        const t = j < b.length ? compact(b[j] as string) : "";
        if (t.length >= 3 && t.length <= 8)
          for (let k = 3; i + k <= a.length && k <= t.length; k++)
            if (spells(t, a, i, i + k)) reach[(i + k) * cols + j + 1] = 3;
      }
    return reach[reach.length - 1] === 3;
  };
  for (const fx of fa)
    for (const fy of fb) {
      const [x, y] = [fx.words, fy.words];
      if (x.length > 0 && y.length > 0 && !(x.length === 1 && y.length === 1) && aligns(x, y)) return true;
    }
  return false;
}

describe("formsAlign", () => {
  it("agrees with the full alignment table on generated names (the first-word test only skips)", () => {
    // Few letters, so that initials often line up and the table has real work to do.
    const word = fc.constantFrom(
      "abc",
      "abcs",
      "a.b.c",
      ".abc",
      "&abc",
      "a&b",
      "ab/c",
      "bca",
      "apple",
      "apples",
      "banana",
      "cherry",
      "bee",
      "cat",
      "c",
      "apple banana cherry",
      "apple bee cat",
      "banana cherry apple",
    );
    const name = fc
      .tuple(
        fc.array(word, { minLength: 1, maxLength: 5 }),
        fc.option(fc.array(word, { minLength: 1, maxLength: 3 })),
      )
      .map(([ws, aside]) => (aside === null ? ws.join(" ") : `${ws.join(" ")} (${aside.join(" ")})`));
    let aligned = 0;
    fc.assert(
      fc.property(name, name, (a, b) => {
        const fa = acronymForms(a);
        const fb = acronymForms(b);
        const expected = formsAlignByTable(fa, fb);
        if (expected) aligned++;
        expect(formsAlign(fa, fb), `${a} / ${b}`).toBe(expected);
      }),
      { numRuns: 2000 },
    );
    expect(aligned).toBeGreaterThan(20);
  });
});

describe("acronymForms without a symbol, possessive or parenthetical", () => {
  it("reads generated names as the regular expressions alone do (possessives, parentheses, symbols)", () => {
    const SYMBOLS = /[&/.]/g;
    const words = (text: string) => text.split(/[^\p{L}\p{N}&/.]+/u).filter((w) => w.length > 0);
    const content = (ws: string[]) =>
      ws
        .flatMap((w) => (w.length <= 6 ? [w] : w.split(SYMBOLS)))
        .filter((w) => w.length > 0 && !["and", "of", "the", "for", "in", "on", "to", "a", "an"].includes(w))
        .filter((w) => !["skill", "skills", "experience", "knowledge", "proficiency"].includes(w));
    const word = fc.constantFrom(
      "gd&t",
      "ap/ar",
      "sales/marketing",
      "node.js",
      "driver's",
      "drivers’",
      "of",
      "skills",
      "emt-b",
      "(plcs)",
      "(",
      ")",
      "a.b",
      "x",
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (ws) => {
        const norm = ws.join(" ");
        const inner: string[] = [];
        const outer = norm.replace(/['’]s\b/g, "").replace(/\(([^)]*)\)/g, (_, c: string) => {
          inner.push(c);
          return " ";
        });
        const expected = [
          content(words(outer)),
          ...inner.map((t) => content(words(t))).filter((w) => w.length > 0),
        ];
        const forms = acronymForms(norm).map((f) => f.words);
        // The level-suffix stem (second form, when the name has one) is not what this test is about.
        const withoutStem = forms.length > expected.length ? [forms[0], ...forms.slice(2)] : forms;
        expect(withoutStem, norm).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
