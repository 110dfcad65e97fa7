import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mulberry32 } from "../../src/profiling/mulberry32.js";

const NAMES = [
  "TypeScript",
  "JavaScript",
  "React",
  "Node.js",
  "PostgreSQL",
  "Docker",
  "Kubernetes",
  "Python",
  "Go",
  "Terraform",
  "AWS",
  "Figma",
  "Excel",
  "Java",
  "Rust",
  "GraphQL",
  "Redis",
  "Angular",
  "Vue",
  "SQL",
];

/**
 * Writes `count` seeded candidate lines to `path`. With `faults`, about one line in 500 is bad JSON or has a
 * bad level, one in 300 is blank, and one in 50 repeats an earlier candidate's skills (equal scores, so the
 * input-order tie-break is exercised).
 */
export async function writeCandidates(
  path: string,
  count: number,
  seed: number,
  faults = true,
): Promise<void> {
  const rand = mulberry32(seed);
  const out = createWriteStream(path);
  const seen: string[] = [];
  let buffer = "";
  for (let i = 0; i < count; i++) {
    let skills: string;
    if (faults && seen.length > 0 && rand() < 0.02) skills = seen[Math.floor(rand() * seen.length)] as string;
    else {
      const n = 2 + Math.floor(rand() * 7);
      const list = [];
      for (let k = 0; k < n; k++) {
        const max = rand() < 0.5 ? 5 : 10;
        list.push({
          name: NAMES[Math.floor(rand() * NAMES.length)],
          level: { value: 1 + Math.floor(rand() * max), max },
        });
      }
      skills = JSON.stringify(list);
      if (seen.length < 200) seen.push(skills);
    }
    const r = faults ? rand() : 1;
    if (r < 0.001) buffer += `{"id": "c${i}", "skills": [\n`;
    else if (r < 0.002) buffer += `{"id":"c${i}","skills":[{"name":"Go","level":{"value":9,"max":5}}]}\n`;
    else if (r < 0.0053) buffer += "\n";
    else buffer += `{"id":"c${i}","skills":${skills}}\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(buffer);
  await once(out, "finish");
}
