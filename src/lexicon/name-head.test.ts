import { describe, expect, it } from "vitest";
import { sameHead, sharesOnlyModifier } from "../core/text/head-words.js";
import { nameHead } from "./name-head.js";

const h = (norm: string) => nameHead(norm);

describe("sharesOnlyModifier", () => {
  it.each([
    ["traffic engineering", "traffic acquisition"],
    ["structural engineering", "structural biology"],
    ["real estate sales", "estate planning"],
    ["network marketing", "network administration"],
    ["corporate law", "corporate finance"],
    ["machine operation", "machine learning"],
    ["tax law", "tax preparation software sales"],
    ["industrial hygiene", "industrial design and prototyping"],
    ["medical billing", "medical illustration and animation"],
    ["labor relations", "labor and delivery nursing"],
    ["food safety", "food and beverage service"],
    ["sales tax", "sales and marketing strategy"],
  ])("%s and %s share only a modifier", (a, b) => {
    expect(sharesOnlyModifier(h(a), h(b))).toBe(true);
  });

  it.each([
    ["structural engineer", "structural engineering"],
    ["criminal law", "corporate law"],
    ["forklift certification", "forklift operation"],
    ["excel certification", "excel modeling"],
    ["crane operator", "crane operation"],
    ["ci cd", "ci pipelines"],
    ["traffic engineering", "signal timing"],
    ["sales", "sales training"],
    ["theory of computation", "theory of music"],
    ["rapid prototyping", "industrial design and prototyping"],
    ["product design", "industrial design and prototyping"],
    ["safety training", "health and safety training"],
    ["sales tax", "sales and marketing"],
  ])("%s and %s do not", (a, b) => {
    expect(sharesOnlyModifier(h(a), h(b))).toBe(false);
  });
});

describe("nameHead on coordinations", () => {
  it("reads single words before a final compound as its modifiers, and a list of phrases as one head each", () => {
    expect(h("labor and delivery nursing")?.head).toBe("nursing");
    expect(h("labor and delivery nursing")?.heads).toBeUndefined();
    expect(h("industrial design and prototyping")?.heads).toEqual(["design", "prototyping"]);
    expect(h("sales and marketing")).toBeNull();
    expect(h("theory of music and composition")).toBeNull();
  });
});

describe("sameHead", () => {
  it("reads inflections of one word as one head", () => {
    expect(sameHead("nurse", "nursing")).toBe(true);
    expect(sameHead("engineer", "engineering")).toBe(true);
    expect(sameHead("law", "finance")).toBe(false);
  });
});
