import { describe, expect, it } from "vitest";
import {
  LEXICON_SIMILARITY_CHILD,
  LEXICON_SIMILARITY_HOP_DECAY,
  LEXICON_SIMILARITY_INHERITED_RELATED,
  LEXICON_SIMILARITY_PARENT,
  LEXICON_SIMILARITY_RELATED,
  LEXICON_SIMILARITY_SIBLING,
} from "../../defaults.js";
import { compileLexicon } from "../../lexicon/compile-lexicon.js";
import {
  lexiconRelation,
  RELATION_ALIAS,
  RELATION_CHILD,
  RELATION_EXACT,
  RELATION_NAMES,
  RELATION_NONE,
  RELATION_PARENT,
  RELATION_PART,
  RELATION_RELATED,
  RELATION_SIBLING,
  SIBLING_MAX_PARENT_CHILDREN,
} from "./lexicon-relation.js";
import type { LexiconEntry } from "./types.js";

const umbrellaChildren: LexiconEntry[] = Array.from({ length: SIBLING_MAX_PARENT_CHILDREN + 1 }, (_, k) => ({
  id: `lang-${k}`,
  name: `Lang ${k}`,
  isA: ["programming-language"],
}));
const lex = compileLexicon(
  [
    {
      domain: "SoftwareDevelopment",
      skills: [
        { id: "database", name: "Databases" },
        { id: "sql", name: "SQL", isA: ["database"] },
        { id: "postgresql", name: "PostgreSQL", aliases: ["Postgres"], isA: ["sql"] },
        { id: "mysql", name: "MySQL", isA: ["sql"] },
        { id: "pg-ext", name: "PG Extensions", partOf: ["postgresql"] },
        { id: "programming-language", name: "Programming Languages" },
        ...umbrellaChildren,
      ],
    },
    {
      domain: "DevOps",
      skills: [
        { id: "docker", name: "Docker", related: ["kubernetes"] },
        { id: "kubernetes", name: "Kubernetes" },
      ],
    },
  ],
  "t",
);
const at = (id: string): number => lex.ids.indexOf(id);
const out = new Float64Array(1);
const relate = (a: string, b: string, an = lex.canonical[at(a)]!, bn = lex.canonical[at(b)]!): number =>
  lexiconRelation(lex, at(a), at(b), an, bn, out);

describe("lexiconRelation", () => {
  it("returns exact for the same skill under the same name", () => {
    expect(relate("sql", "sql")).toBe(RELATION_EXACT);
    expect(out[0]).toBe(1);
  });

  it("returns alias for the same skill under another name", () => {
    expect(relate("postgresql", "postgresql", "postgres", "postgresql")).toBe(RELATION_ALIAS);
    expect(out[0]).toBe(1);
  });

  it("gives a specialisation child credit, decayed per extra hop and floored at related", () => {
    expect(relate("postgresql", "sql")).toBe(RELATION_CHILD);
    expect(out[0]).toBe(LEXICON_SIMILARITY_CHILD);
    expect(relate("postgresql", "database")).toBe(RELATION_CHILD);
    expect(out[0]).toBeCloseTo(LEXICON_SIMILARITY_CHILD - LEXICON_SIMILARITY_HOP_DECAY, 12);
    expect(relate("pg-ext", "database")).toBe(RELATION_PART);
    expect(out[0]).toBe(LEXICON_SIMILARITY_RELATED);
  });

  it("tells a part from a kind: same credit, reported as child, but a part-of path is RELATION_PART", () => {
    expect(relate("pg-ext", "postgresql")).toBe(RELATION_PART);
    expect(out[0]).toBe(LEXICON_SIMILARITY_CHILD);
    expect(RELATION_NAMES[RELATION_PART]).toBe("child");
    expect(relate("mysql", "database")).toBe(RELATION_CHILD);
  });

  it("lets a kind-of inherit its narrow parent's related skills, weaker, in both directions", () => {
    const inherit = compileLexicon(
      [
        {
          domain: "General",
          skills: [
            { id: "plumbing", name: "Plumbing", related: ["pipe-fitting"] },
            { id: "pipe-fitting", name: "Pipe Fitting" },
            { id: "journeyman-plumber", name: "Journeyman Plumber", isA: ["plumbing"] },
          ],
        },
      ],
      "t",
    );
    const i = (id: string): number => inherit.ids.indexOf(id);
    const o = new Float64Array(1);
    const r = (a: string, b: string): number =>
      lexiconRelation(inherit, i(a), i(b), inherit.canonical[i(a)]!, inherit.canonical[i(b)]!, o);
    expect(r("journeyman-plumber", "pipe-fitting")).toBe(RELATION_RELATED);
    expect(o[0]).toBe(LEXICON_SIMILARITY_INHERITED_RELATED);
    expect(r("pipe-fitting", "journeyman-plumber")).toBe(RELATION_RELATED);
    expect(o[0]).toBe(LEXICON_SIMILARITY_INHERITED_RELATED);
  });

  it("gives a generalisation parent credit floored at 0.5", () => {
    expect(relate("sql", "postgresql")).toBe(RELATION_PARENT);
    expect(out[0]).toBe(LEXICON_SIMILARITY_PARENT);
    expect(relate("database", "pg-ext")).toBe(RELATION_PARENT);
    expect(out[0]).toBe(0.5);
  });

  it("returns related for related edges in both directions", () => {
    expect(relate("docker", "kubernetes")).toBe(RELATION_RELATED);
    expect(relate("kubernetes", "docker")).toBe(RELATION_RELATED);
    expect(out[0]).toBe(LEXICON_SIMILARITY_RELATED);
  });

  it("returns sibling under a narrow shared parent", () => {
    expect(relate("mysql", "postgresql")).toBe(RELATION_SIBLING);
    expect(out[0]).toBe(LEXICON_SIMILARITY_SIBLING);
  });

  it("does not make siblings under a broad umbrella parent", () => {
    expect(relate("lang-0", "lang-1")).toBe(RELATION_NONE);
    expect(out[0]).toBe(0);
  });

  it("returns none with similarity 0 for unknown indices or unrelated skills", () => {
    out[0] = 0.5;
    expect(lexiconRelation(lex, -1, at("sql"), "cooking", "sql", out)).toBe(RELATION_NONE);
    expect(out[0]).toBe(0);
    expect(relate("docker", "sql")).toBe(RELATION_NONE);
    expect(out[0]).toBe(0);
  });

  it("maps codes to wire relations, sibling as related", () => {
    expect(RELATION_NAMES[RELATION_CHILD]).toBe("child");
    expect(RELATION_NAMES[RELATION_PARENT]).toBe("parent");
    expect(RELATION_NAMES[RELATION_SIBLING]).toBe("related");
    expect(RELATION_NAMES[RELATION_NONE]).toBe("none");
  });
});
