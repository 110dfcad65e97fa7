import fc from "fast-check";
import type { RequiredSkill, Skill } from "../../src/index.js";

/** Names from the lexicon (aliases included) and a few free-form ones, so both code paths are exercised. */
export const NAME_POOL = [
  "JavaScript",
  "JS",
  "TypeScript",
  "Java",
  "Python",
  "SQL",
  "PostgreSQL",
  "Postgres",
  "MySQL",
  "Kubernetes",
  "k8s",
  "Docker",
  "Machine Learning",
  "Deep Learning",
  "React",
  "Node.js",
  "C",
  "C++",
  "C#",
  "Go",
  "Ruby",
  "R",
  "Excel",
  "Accounting",
  "Budgeting",
  "Negotiation",
  "Public Speaking",
  "Nursing",
  "Contract Law",
  "Welding",
  "Spanish",
  "Figma",
  "Project Management",
  "Leadership",
  "Cooking",
  "Gardening",
  "zyxwv framework",
  "Widget Polishing",
];

export const levelArb = fc
  .integer({ min: 1, max: 10 })
  .chain((max) => fc.record({ value: fc.integer({ min: 0, max }), max: fc.constant(max) }));

export const skillArb: fc.Arbitrary<Skill> = fc.record({
  name: fc.constantFrom(...NAME_POOL),
  level: levelArb,
});

export const requiredArb: fc.Arbitrary<RequiredSkill> = fc.record(
  {
    name: fc.constantFrom(...NAME_POOL),
    level: levelArb,
    weight: fc.constantFrom(0.5, 1, 2, 3),
    mustHave: fc.boolean(),
  },
  { requiredKeys: ["name", "level"] },
);

export const candidateListArb = fc.array(skillArb, { minLength: 1, maxLength: 8 });
export const requiredListArb = fc.array(requiredArb, { minLength: 1, maxLength: 6 });
export const strategyArb = fc.constantFrom(
  "default" as const,
  "conservative" as const,
  "aggressive" as const,
);
