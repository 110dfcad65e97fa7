// Run after `npm ci` (which builds dist/): node examples/library.mjs
import { createMatcher } from "competency-api";

const matcher = createMatcher(); // offline word vectors + the bundled skill lexicon
const result = await matcher.match(
  [
    { name: "JavaScript", level: { value: 9, max: 10 } },
    { name: "Postgres", level: { value: 3, max: 5 } },
    { name: "Docker", level: { value: 4, max: 5 } },
  ],
  [
    { name: "TypeScript", level: { value: 3, max: 5 }, weight: 2 },
    { name: "SQL", level: { value: 4, max: 5 } },
    { name: "Kubernetes", level: { value: 3, max: 5 }, mustHave: true },
  ],
);

console.log(
  `overall ${result.overallScore.toFixed(2)} [${result.overallInterval.lower.toFixed(2)}, ${result.overallInterval.upper.toFixed(2)}]`,
);
for (const s of result.skillScores)
  console.log(
    `${s.skillName.padEnd(11)} ${s.probability.toFixed(2)}  ${s.evidence.padEnd(7)}  ${s.explanation}`,
  );
console.log("gaps:", result.gaps.map((g) => `${g.skillName} (+${g.impact.toFixed(2)})`).join(", "));
// A mustHave is met only by direct evidence (exact, alias, kind-of); Docker is only related to Kubernetes.
console.log("unmet must-haves:", result.unmetMustHaves.join(", ") || "none");
console.log(result.meta);
await matcher.close();
