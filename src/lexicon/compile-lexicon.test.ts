import { describe, expect, it } from "vitest";
import type { LexiconFile } from "../core/lexicon/types.js";
import { CompetencyError } from "../errors.js";
import { compileLexicon } from "./compile-lexicon.js";

const FILES: LexiconFile[] = [
  {
    domain: "SoftwareDevelopment",
    skills: [
      { id: "database", name: "Databases" },
      { id: "relational", name: "Relational Databases", isA: ["database"] },
      { id: "sql", name: "SQL", falseFriends: ["NoSQL"] },
      { id: "postgresql", name: "PostgreSQL", aliases: ["Postgres", "psql"], isA: ["sql", "relational"] },
      { id: "pg-extensions", name: "PostgreSQL Extensions", partOf: ["postgresql"] },
    ],
  },
  {
    domain: "DevOps",
    skills: [
      { id: "docker", name: "Docker", related: ["kubernetes"] },
      { id: "kubernetes", name: "Kubernetes", aliases: ["k8s"], domain: "DevOps" },
      { id: "nosql", name: "NoSQL", aliases: ["non-relational"], domain: "SoftwareDevelopment" },
    ],
  },
];

describe("compileLexicon", () => {
  const lex = compileLexicon(FILES, "lex-test");

  it("indexes normalised names and aliases in file order", () => {
    expect(lex.size).toBe(8);
    expect(lex.version).toBe("lex-test");
    expect(lex.index.get("postgres")).toBe(3);
    expect(lex.index.get("k8s")).toBe(6);
    expect(lex.index.get("Postgres")).toBeUndefined();
    expect(lex.canonical[3]).toBe("postgresql");
    expect(lex.names[3]).toBe("PostgreSQL");
  });

  it("takes the entry's domain over the file's", () => {
    expect(lex.domains[5]).toBe("DevOps");
    expect(lex.domains[7]).toBe("SoftwareDevelopment");
  });

  it("closes is-a and part-of transitively with the minimum hop count", () => {
    const up = lex.ancestors[4]!;
    expect([...up.entries()].sort((a, b) => a[0] - b[0])).toEqual([
      [0, 3],
      [1, 2],
      [2, 2],
      [3, 1],
    ]);
    expect(lex.parents[3]).toEqual([2, 1]);
  });

  it("makes related edges symmetric", () => {
    expect(lex.related[5]!.has(6)).toBe(true);
    expect(lex.related[6]!.has(5)).toBe(true);
  });

  it("merges false friends both ways with every name of a known skill", () => {
    expect([...lex.falseFriends[2]!].sort()).toEqual(["non-relational", "nosql"]);
    expect(lex.falseFriends[7]!.has("sql")).toBe(true);
  });

  it("throws INVALID_CONFIG with every issue when validation fails", () => {
    const bad: LexiconFile[] = [{ domain: "General", skills: [{ id: "a", name: "A", isA: ["b", "c"] }] }];
    let error: unknown;
    try {
      compileLexicon(bad, "v");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CompetencyError);
    expect((error as CompetencyError).code).toBe("INVALID_CONFIG");
    expect((error as CompetencyError).issues).toHaveLength(2);
  });
});
