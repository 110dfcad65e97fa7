import { describe, expect, it } from "vitest";
import { pairMap, uniqueKeys } from "./pair-map.js";

describe("pairMap", () => {
  it("keys repeated names name#2, name#3 so duplicate requirements lose nothing", () => {
    const map = pairMap(["React", "React"], ["Go", "Go", "Go#2"], Float64Array.from([1, 2, 3, 4, 5, 6]));
    expect(map).toEqual({
      React: { Go: 1, "Go#3": 2, "Go#2": 3 },
      "React#2": { Go: 4, "Go#3": 5, "Go#2": 6 },
    });
  });

  it("keeps names as given when they are distinct", () => {
    expect(uniqueKeys(["a", "b", "__proto__"])).toEqual(["a", "b", "__proto__"]);
  });
});
