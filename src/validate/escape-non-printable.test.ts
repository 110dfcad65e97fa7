import { describe, expect, it } from "vitest";
import { forbiddenNameChar, isForbiddenNameCode } from "../core/text/forbidden-name-char.js";
import { normalizeName } from "../core/text/normalize-name.js";
import { escapeNonPrintable } from "./escape-non-printable.js";

describe("escapeNonPrintable", () => {
  it("escapes ESC, BEL, NUL, C1 controls, bidi overrides and zero-width characters", () => {
    expect(escapeNonPrintable("a\u001b]0;title\u0007b\u0000\u0085\u202e\u200b")).toBe(
      "a\\u{1B}]0;title\\u{7}b\\u{0}\\u{85}\\u{202E}\\u{200B}",
    );
  });

  it("returns printable text unchanged, including other scripts, emoji and combining marks", () => {
    for (const text of ["TypeScript", "日本語", "🚀 Rocket", "e\u0301", "C++ / C#"])
      expect(escapeNonPrintable(text)).toBe(text);
  });

  it("escapes lone surrogates and keeps valid pairs", () => {
    expect(escapeNonPrintable("\ud800x\udfff🚀")).toBe("\\u{D800}x\\u{DFFF}🚀");
  });
});

describe("forbiddenNameChar and normalizeName", () => {
  it("finds the first control or bidi-override character", () => {
    expect(forbiddenNameChar("Docker")).toBe(-1);
    expect(forbiddenNameChar("Dock\u202eer")).toBe(4);
    expect(forbiddenNameChar("\u2066x")).toBe(0);
    expect(forbiddenNameChar("tab\there")).toBe(3);
    // The regular expression and the code test agree on every UTF-16 code unit.
    for (let code = 0; code <= 0xffff; code++)
      if ((forbiddenNameChar(`ab${String.fromCharCode(code)}`) === 2) !== isForbiddenNameCode(code))
        throw new Error(`code ${code.toString(16)} disagrees`);
  });

  it("strips zero-width characters, so Dock\\u200Ber normalises to docker", () => {
    expect(normalizeName("Dock\u200ber")).toBe("docker");
    expect(normalizeName("\ufeffKuber\u200dnetes\u00ad")).toBe("kubernetes");
  });
});
