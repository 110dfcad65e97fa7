import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import AjvModule from "ajv";
import { describe, expect, it } from "vitest";
import { DOMAIN_LIST } from "../../core/lexicon/domains.js";
import { isFalseFriend } from "../../core/lexicon/is-false-friend.js";
import {
  lexiconRelation,
  RELATION_ALIAS,
  RELATION_CHILD,
  RELATION_NONE,
  RELATION_PARENT,
  RELATION_PART,
  RELATION_RELATED,
} from "../../core/lexicon/lexicon-relation.js";
import type { LexiconFile } from "../../core/lexicon/types.js";
import { normalizeName } from "../../core/text/normalize-name.js";
import { classifyDomain } from "../../lexicon/classify-domain.js";
import { findSkill } from "../../lexicon/find-skill.js";
import { validateLexicon } from "../../lexicon/validate-lexicon.js";
import { loadDomainKeywords } from "./load-domain-keywords.js";
import { loadLexicon } from "./load-lexicon.js";
import { packageDataDir } from "./package-data-dir.js";

const DATA = packageDataDir();
const SKILLS = join(DATA, "skills");
const files = readdirSync(SKILLS)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => ({ name: f, json: JSON.parse(readFileSync(join(SKILLS, f), "utf8")) as LexiconFile }));
const lex = loadLexicon();
const keywords = loadDomainKeywords();
const out = new Float64Array(1);

function relation(candidate: string, required: string): number {
  const c = normalizeName(candidate);
  const r = normalizeName(required);
  return lexiconRelation(lex, findSkill(lex, c), findSkill(lex, r), c, r, out);
}

function falseFriends(candidate: string, required: string): boolean {
  const c = normalizeName(candidate);
  const r = normalizeName(required);
  return isFalseFriend(lex, findSkill(lex, c), findSkill(lex, r), c, r);
}

describe("bundled lexicon data", () => {
  it("holds at least 1,100 canonical skills", () => {
    expect(lex.size).toBeGreaterThanOrEqual(1100);
  });

  it("covers every domain with at least 20 skills", () => {
    for (const domain of DOMAIN_LIST) {
      expect(lex.domains.filter((d) => d === domain).length, domain).toBeGreaterThanOrEqual(20);
    }
  });

  it("validates: no dangling edges, duplicate ids, ambiguous aliases or is-a cycles", () => {
    expect(validateLexicon(files.map((f) => f.json))).toEqual([]);
  });

  it("matches the JSON schema", () => {
    const Ajv = AjvModule.default;
    const schema = JSON.parse(readFileSync(join(DATA, "..", "schemas", "skill-lexicon.schema.json"), "utf8"));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    for (const f of files) expect(validate(f.json) ? [] : validate.errors, f.name).toEqual([]);
  });
});

describe("bundled lexicon relations", () => {
  it("knows the required aliases", () => {
    expect(relation("k8s", "Kubernetes")).toBe(RELATION_ALIAS);
    expect(relation("JS", "JavaScript")).toBe(RELATION_ALIAS);
    expect(relation("Postgres", "PostgreSQL")).toBe(RELATION_ALIAS);
    expect(relation("Golang", "Go")).toBe(RELATION_ALIAS);
    expect(out[0]).toBe(1);
  });

  it("gives specialisations child credit for their parent requirement", () => {
    const pairs: [string, string][] = [
      ["PostgreSQL", "SQL"],
      ["MySQL", "SQL"],
      ["PostgreSQL", "Relational Databases"],
      ["TypeScript", "JavaScript"],
      ["Deep Learning", "Machine Learning"],
    ];
    for (const [child, parent] of pairs) {
      expect(relation(child, parent), `${child} → ${parent}`).toBe(RELATION_CHILD);
      expect(out[0]).toBeGreaterThanOrEqual(0.7);
    }
  });

  it("gives generalisations parent credit", () => {
    expect(relation("SQL", "PostgreSQL")).toBe(RELATION_PARENT);
    expect(out[0]).toBeLessThan(0.9);
  });

  it("relates docker and kubernetes", () => {
    expect(relation("Docker", "Kubernetes")).toBe(RELATION_RELATED);
  });

  it("relates the close alternatives and tools a recruiter gives partial credit for", () => {
    const pairs: [string, string][] = [
      ["Statistics", "Machine Learning"],
      ["Google Sheets", "Excel"],
      ["Sketch", "Figma"],
      ["Adobe XD", "Figma"],
      ["SPSS", "SAS"],
      ["Objective-C", "Swift"],
      ["Negotiation", "Sales"],
      ["Anatomy", "Surgery"],
      ["Rust", "Go"],
      ["Rust", "C++"],
      ["Java", "C#"],
      ["Terraform", "Kubernetes"],
      ["SEO", "PPC"],
      ["Nursing", "Phlebotomy"],
      ["Data Science", "Machine Learning"],
    ];
    for (const [a, b] of pairs) {
      expect(relation(a, b), `${a} ~ ${b}`).not.toBe(RELATION_NONE);
      expect(relation(b, a), `${b} ~ ${a}`).not.toBe(RELATION_NONE);
    }
    expect(relation("Penetration Testing", "Cybersecurity")).toBe(RELATION_CHILD);
    expect(relation("Incident Response", "Cybersecurity")).toBe(RELATION_CHILD);
    expect(relation("CPA", "Accounting")).toBe(RELATION_CHILD);
    expect(relation("Bookkeeping", "CPA")).not.toBe(RELATION_NONE);
    // Recruiting is part of HR: child credit, reported as child, but a part (not a kind) for must-haves.
    expect(relation("Recruiting", "Human Resources")).toBe(RELATION_PART);
    expect(relation("Family Law", "Law")).toBe(RELATION_CHILD);
  });

  it("keeps narrower, broader and neighbouring skills apart from the skill (no alias)", () => {
    const pairs: [string, string][] = [
      ["Animal Care", "Veterinary Medicine"],
      ["Vet Nursing", "Veterinary Medicine"],
      ["Veterinary Technician", "Veterinary Medicine"],
      ["Space Planning", "Interior Design"],
      ["Interior Decoration", "Interior Design"],
      ["Barbering", "Hairdressing"],
      ["Bamboo", "TeamCity"],
      ["AppDynamics", "Dynatrace"],
      ["CouchDB", "Couchbase"],
      ["CatBoost", "LightGBM"],
      ["Klaviyo", "Mailchimp"],
      ["Gusto", "BambooHR"],
      ["Taleo", "iCIMS"],
      ["CATIA", "Autodesk Inventor"],
      ["Allscripts", "Meditech"],
      ["Social Work", "Clinical Social Work"],
      ["Sandblasting", "Corrosion Control"],
      ["DAST", "SAST"],
    ];
    for (const [a, b] of pairs) {
      const code = relation(a, b);
      expect(code, `${a} / ${b}`).not.toBe(RELATION_ALIAS);
      expect(code, `${a} / ${b}`).not.toBe(RELATION_NONE);
    }
  });

  it("finds a multi-word name through its leading abbreviation", () => {
    expect(relation("HR Management", "Human Resources Management")).toBe(RELATION_ALIAS);
    expect(relation("Human Resources Analytics", "HR Analytics")).toBe(RELATION_ALIAS);
    expect(relation("PR Strategy", "Public Relations")).toBe(RELATION_ALIAS);
    expect(relation("User Experience Research", "UX Research")).toBe(RELATION_ALIAS);
    expect(relation("ML Engineering", "Machine Learning")).toBe(RELATION_ALIAS);
  });

  it("returns none for unknown or unrelated skills", () => {
    expect(relation("Underwater Basket Weaving", "Kubernetes")).toBe(RELATION_NONE);
    expect(relation("Culinary Arts", "Kubernetes")).toBe(RELATION_NONE);
    expect(relation("Java", "Python")).toBe(RELATION_NONE);
    expect(out[0]).toBe(0);
  });
});

describe("bundled false friends", () => {
  it("guards the classic look-alikes in both directions", () => {
    const pairs: [string, string][] = [
      ["Java", "JavaScript"],
      ["Java", "JS"],
      ["C", "C++"],
      ["C", "C#"],
      ["C++", "C#"],
      ["R", "Ruby"],
      ["Go", "Google"],
      ["Golang", "Google"],
      ["Scala", "Scaling"],
      ["Swift", "SWIFT codes"],
      ["Swift", "SWIFT payments"],
      ["Rust", "rust removal"],
      ["Rust", "Rust Prevention"],
      ["Express.js", "Express Delivery"],
      ["Express", "Express Delivery"],
      ["Spring", "Spring Cleaning"],
      ["Spring Boot", "Spring Cleaning"],
      ["Excel", "Excellence"],
      ["Chef", "Cooking"],
    ];
    for (const [a, b] of pairs) {
      expect(falseFriends(a, b), `${a} / ${b}`).toBe(true);
      expect(falseFriends(b, a), `${b} / ${a}`).toBe(true);
    }
  });

  it("does not flag aliases or real relations", () => {
    expect(falseFriends("JavaScript", "JS")).toBe(false);
    expect(falseFriends("Go", "Golang")).toBe(false);
    expect(falseFriends("SQL", "SQLite")).toBe(false);
    expect(falseFriends("Angular", "AngularJS")).toBe(false);
    expect(falseFriends("TypeScript", "JavaScript")).toBe(false);
  });
});

describe("bundled domain classification", () => {
  const classify = (name: string) => classifyDomain(lex, keywords, normalizeName(name));

  it("uses the lexicon domain for known skills", () => {
    expect(classify("Machine Learning")).toBe("DataScience");
    expect(classify("k8s")).toBe("DevOps");
    expect(classify("Registered Nurse")).toBe("Healthcare");
    expect(classify("Mandarin")).toBe("Languages");
  });

  it("does not fire on substrings", () => {
    expect(classify("maintain")).not.toBe("DataScience");
    expect(classify("three")).not.toBe("HR");
    expect(classify("good communication")).not.toBe("SoftwareDevelopment");
    expect(classify("good communication")).toBe("Communication");
  });

  it("classifies unknown names by whole tokens", () => {
    expect(classify("applied machine learning research")).toBe("DataScience");
    expect(classify("HR generalist")).toBe("HR");
    expect(classify("commercial plumbing repairs")).toBe("Trades");
    expect(classify("zzz qqq")).toBe("General");
  });

  it("does not read a tech word inside an everyday phrase as software", () => {
    expect(classify("Rust Prevention")).toBe("Trades");
    expect(classify("Express Delivery")).toBe("Operations");
    expect(classify("Spring Cleaning")).toBe("General");
    expect(classify("Event Planning")).toBe("Operations");
    // unknown names: the other words decide
    expect(classify("rust inhibitor coating prevention")).not.toBe("SoftwareDevelopment");
    expect(classify("express parcel delivery")).toBe("Operations");
    expect(classify("spring garden cleaning")).toBe("General");
    expect(classify("corporate event coordination")).toBe("Operations");
    expect(classify("spring cleaning services")).toBe("General");
    // …while real tech names stay software
    expect(classify("rust developer")).toBe("SoftwareDevelopment");
    expect(classify("spring boot microservices")).toBe("SoftwareDevelopment");
    expect(classify("event driven microservices")).toBe("SoftwareDevelopment");
    expect(classify("express.js middleware")).toBe("SoftwareDevelopment");
  });
});
