import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatTable } from "../src/cli/format-table.js";
import { forbiddenNameChar } from "../src/core/text/forbidden-name-char.js";
import { createFakeEmbedder, createMatcher } from "../src/index.js";
import { runCli } from "./helpers/run-cli.js";

const TMP = mkdtempSync(join(tmpdir(), "competency-cli-edges-"));
const file = (name: string, text: string | Buffer): string => {
  const path = join(TMP, name);
  writeFileSync(path, text);
  return path;
};
const skill = (name: string, value = 3) => ({ name, level: { value, max: 5 } });
/** The ids of `rank`'s output lines, in order. */
const idsOf = (stdout: string): string[] =>
  stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l).id);
const ROLE = file("role.json", JSON.stringify([skill("TypeScript"), skill("React")]));
const CANDIDATE = file(
  "candidate.json",
  JSON.stringify({ skills: [skill("JavaScript", 5), skill("React", 4)] }),
);

const run = (argv: string[], env: Record<string, string> = {}, injected = true) =>
  runCli(argv, { env, injected });

const reference = createMatcher({ embedder: createFakeEmbedder(32) });
afterAll(() => reference.close());

describe("CLI input files", () => {
  it("accepts a UTF-8 BOM in JSON files and NDJSON", async () => {
    const bom = file("bom.json", `\ufeff${JSON.stringify([skill("React")])}`);
    expect((await run(["match", bom, ROLE])).code).toBe(0);
    const lines = file(
      "bom.jsonl",
      `\ufeff${JSON.stringify({ candidate: [skill("Go")], required: [skill("Go")] })}\n`,
    );
    const batch = await run(["batch", lines]);
    expect(batch.code).toBe(0);
    expect(JSON.parse(batch.stdout).id).toBe("1");
  });

  it.each([
    [
      "an empty file",
      () => file("empty.json", ""),
      /^error\[INVALID_JSON\]: not valid JSON: ".*empty\.json" is empty\n$/,
    ],
    ["a directory", () => TMP, /^error\[FILE_UNREADABLE\]: file cannot be read: ".*" is a directory\n$/],
    ["a missing file", () => join(TMP, "nope.json"), /^error\[FILE_NOT_FOUND\]/],
  ])("names the cause for %s, exit 2", async (_what, path, pattern) => {
    const res = await run(["match", path(), ROLE]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(pattern);
  });

  it("stops reading at --max-input-bytes (so /dev/zero fails fast) and the flag raises the limit", async () => {
    const zero = await run(["match", "/dev/zero", ROLE, "--max-input-bytes", "65536"]);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(
      /^error\[LIMIT_EXCEEDED\]: .*"\/dev\/zero" is larger than 65536 bytes; raise the limit with --max-input-bytes/,
    );
    const big = file("big.json", JSON.stringify(Array.from({ length: 400 }, (_, k) => skill(`Skill ${k}`))));
    expect((await run(["match", big, ROLE, "--max-input-bytes", "1000"])).code).toBe(2);
    expect((await run(["match", big, ROLE, "--max-input-bytes", "100000"])).code).toBe(0);
  });

  it("refuses unknown keys, prototype keys and control characters in files, like HTTP", async () => {
    for (const [name, body, code] of [
      ["extra.json", [{ ...skill("Go"), years: 3 }], 'unknown key "years"'],
      [
        "proto.json",
        '[{"name":"Go","level":{"value":1,"max":5},"__proto__":{"x":1}}]',
        "prototype keys are refused",
      ],
      ["esc.json", [skill("Go\u001b[2J")], "control or bidi-override characters"],
    ] as const) {
      const path = file(name, typeof body === "string" ? body : JSON.stringify(body));
      const res = await run(["match", path, ROLE]);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/^error\[INVALID_INPUT\]: invalid input: candidate /);
      expect(forbiddenNameChar(res.stderr.replace(/\n$/, ""))).toBe(-1);
      expect(res.stderr).toContain(code);
    }
  });
});

describe("batch and rank lines", () => {
  it("gives every batch output an id string and refuses unknown and prototype keys per line", async () => {
    const path = file(
      "pairs.jsonl",
      [
        JSON.stringify({ candidate: [skill("Go")], required: [skill("Go")] }),
        JSON.stringify({ id: "x", candidate: [skill("Go")], required: [skill("Go")], extra: 1 }),
        '{"candidate":[{"name":"Go","level":{"value":1,"max":5}}],"required":[{"name":"Go","level":{"value":1,"max":5}}],"__proto__":{}}',
      ].join("\n"),
    );
    const res = await run(["batch", path]);
    expect(res.code).toBe(2);
    const lines = res.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(["1", "x", "3"]);
    expect(lines[1].error.issues[0]).toMatchObject({ code: "unknown_key", path: ["extra"] });
    expect(lines[1].error.message).toBe('line 2: extra: unknown key "extra"');
    expect(lines[2].error.issues[0]).toMatchObject({ code: "forbidden_key", path: ["__proto__"] });
  });

  it("reports duplicate rank ids and bad lines in one format, and keeps the first of a duplicate", async () => {
    const path = file(
      "candidates.jsonl",
      [
        JSON.stringify({ id: "a", skills: [skill("TypeScript", 5)] }),
        JSON.stringify({ id: "a", skills: [skill("React", 5)] }),
        "{not json",
        JSON.stringify({ id: 7, skills: [skill("Go")] }),
        JSON.stringify({ id: "b", skills: [skill("Go")], extra: true }),
      ].join("\n"),
    );
    const res = await run(["rank", ROLE, path]);
    expect(res.code).toBe(2);
    expect(idsOf(res.stdout)).toEqual(["a"]);
    const errors = res.stderr.trim().split("\n");
    expect(errors).toHaveLength(4);
    for (const [k, lineNo] of [2, 3, 4, 5].entries())
      expect(errors[k]).toMatch(new RegExp(`^error\\[(INVALID_INPUT|INVALID_JSON)\\]: line ${lineNo}: `));
    expect(errors[0]).toContain('duplicate id "a", first used by line 1');
  });
  it("ranks a chunk again without a duplicate that was among its best", async () => {
    // Line 2 repeats line 1's id and would be the best: skipped, so the top 1 is line 3, not nothing.
    const path = file(
      "dup-best.jsonl",
      [
        JSON.stringify({ id: "a", skills: [skill("Cooking", 1)] }),
        JSON.stringify({ id: "a", skills: [skill("TypeScript", 5), skill("React", 5)] }),
        JSON.stringify({ id: "b", skills: [skill("TypeScript", 4)] }),
      ].join("\n"),
    );
    const res = await run(["rank", ROLE, path, "--top", "1"]);
    expect(res.code).toBe(2);
    expect(idsOf(res.stdout)).toEqual(["b"]);
    expect(res.stderr).toContain('line 2: id: duplicate id "a", first used by line 1');
  });
});

describe("terminal safety and the cache directory", () => {
  it("escapes non-printable characters in table and explain output", async () => {
    const result = await reference.match([skill("Go")], [skill("Go")]);
    const hostile = {
      ...result,
      skillScores: result.skillScores.map((s) => ({
        ...s,
        skillName: "Go\u001b]0;pwned\u0007\u202e",
        explanation: "x\u0000y",
      })),
    };
    const text = formatTable(hostile, true);
    expect(text).toContain("Go\\u{1B}]0;pwned\\u{7}\\u{202E}");
    expect(text).toContain("x\\u{0}y");
    expect(forbiddenNameChar(text.replace(/\n/g, ""))).toBe(-1);
  });

  it("refuses a cache directory under /proc or /sys at once, with exit 2", async () => {
    for (const dir of ["/proc/x", "/sys/kernel/x"]) {
      const res = await run(["match", CANDIDATE, ROLE], { COMPETENCY_CACHE_DIR: dir }, false);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/^error\[INVALID_CONFIG\]: .*virtual file system/);
    }
  });
});
