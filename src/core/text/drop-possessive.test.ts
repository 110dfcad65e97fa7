import { describe, expect, it } from "vitest";
import { dropPossessive } from "./drop-possessive.js";

describe("dropPossessive", () => {
  it("drops possessives with either apostrophe and keeps every other string as it is", () => {
    expect(dropPossessive("driver's license")).toBe("driver license");
    expect(dropPossessive("journeyman electrician’s license")).toBe("journeyman electrician license");
    expect(dropPossessive("rock 'n' roll")).toBe("rock 'n' roll");
    const plain = "python programming";
    expect(dropPossessive(plain)).toBe(plain);
  });
});
