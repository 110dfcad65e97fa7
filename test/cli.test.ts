import { EventEmitter } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import type { CliIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { createFakeEmbedder, createMatcher } from "../src/index.js";
import { runCli } from "./helpers/run-cli.js";

const TMP = mkdtempSync(join(tmpdir(), "competency-cli-"));
const file = (name: string, text: string): string => {
  const path = join(TMP, name);
  writeFileSync(path, text);
  return path;
};

function sink(): {
  stream: Writable;
  text: () => string;
  waitFor: (pattern: RegExp) => Promise<RegExpExecArray>;
} {
  const chunks: string[] = [];
  const written = new EventEmitter();
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      written.emit("text");
      done();
    },
  });
  const text = () => chunks.join("");
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve) => {
      const check = () => {
        const match = pattern.exec(text());
        if (match === null) return;
        written.off("text", check);
        resolve(match);
      };
      written.on("text", check);
      check();
    });
  return { stream, text, waitFor };
}

const run = (argv: string[], stdin = "", env: Record<string, string> = {}) => runCli(argv, { stdin, env });

const reference = createMatcher({ embedder: createFakeEmbedder(32) });
afterAll(async () => {
  await reference.close();
});

describe("competency match", () => {
  it("prints the library's result JSON for the examples and exits 0", async () => {
    const { code, stdout, stderr } = await run(["match", "examples/candidate.json", "examples/role.json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const expected = await reference.match(
      (await import("../examples/candidate.json", { with: { type: "json" } })).default.skills,
      (await import("../examples/role.json", { with: { type: "json" } })).default.skills,
    );
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it("reads one input from stdin with -", async () => {
    const candidate = JSON.stringify([{ name: "React", level: { value: 4, max: 5 } }]);
    const { code, stdout } = await run(
      ["match", "-", "examples/role.json", "--strategy", "conservative"],
      candidate,
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).strategy).toBe("conservative");
  });

  it("renders an aligned table with explanations", async () => {
    const { code, stdout } = await run([
      "match",
      "examples/candidate.json",
      "examples/role.json",
      "--format",
      "table",
      "--explain",
    ]);
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toMatch(/^Overall \d\.\d\d {2}95% \[\d\.\d\d, \d\.\d\d\] {2}strategy default$/);
    const header = lines[2] ?? "";
    expect(header).toMatch(
      /^Required skill\s+Score\s+95% interval\s+Best match\s+Similarity\s+Relation\s+Evidence$/,
    );
    const scoreColumn = header.indexOf("Score") + "Score".length;
    const rows = lines.slice(3, 12);
    expect(rows).toHaveLength(9);
    for (const row of rows) expect(row.slice(scoreColumn - 4, scoreColumn)).toMatch(/^\d\.\d\d$/);
    expect(stdout).toContain("Explanations:");
  });

  it("prints explanations to stderr in JSON mode so stdout stays parseable", async () => {
    const { code, stdout, stderr } = await run([
      "match",
      "examples/candidate.json",
      "examples/role.json",
      "--explain",
    ]);
    expect(code).toBe(0);
    expect(() => JSON.parse(stdout)).not.toThrow();
    expect(stderr).toContain("TypeScript:");
  });

  it.each([
    [
      ["match", "missing.json", "examples/role.json"],
      /^error\[FILE_NOT_FOUND\]: file not found: "missing.json"$/,
    ],
    [["match", "BAD_JSON", "examples/role.json"], /^error\[INVALID_JSON\]: .*bad\.json/],
    [["match", "BAD_SKILLS", "examples/role.json"], /^error\[INVALID_INPUT\]: .*candidate.*level/],
    [
      ["match", "examples/candidate.json", "examples/role.json", "--strategy", "greedy"],
      /^error\[INVALID_INPUT\]: .*greedy/,
    ],
    [["match", "-", "-"], /^error\[INVALID_INPUT\]: .*only one/],
    [["match", "examples/candidate.json"], /^error\[INVALID_INPUT\]: missing required argument/],
    [["frobnicate"], /^error\[INVALID_INPUT\]: unknown command/],
  ])("exits 2 with one error line for %j", async (argv, pattern) => {
    const paths: Record<string, string> = {
      BAD_JSON: file("bad.json", "{ not json"),
      BAD_SKILLS: file("bad-skills.json", JSON.stringify([{ name: "Go", level: { value: 9, max: 5 } }])),
    };
    const { code, stderr, stdout } = await run(argv.map((a) => paths[a] ?? a));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.split("\n")[0]).toMatch(pattern);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});

describe("competency batch", () => {
  it("writes one result per line in input order, with ids", async () => {
    const { code, stdout } = await run(["batch", "examples/pairs.jsonl"]);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(["frontend", "data", "ops", "chef"]);
    expect(lines.every((l) => typeof l.overallScore === "number")).toBe(true);
  });

  it("reports a bad line in place, goes on, and exits 2", async () => {
    const good = JSON.stringify({
      candidate: [{ name: "Go", level: { value: 3, max: 5 } }],
      required: [{ name: "Go", level: { value: 3, max: 5 } }],
    });
    const badSkill = JSON.stringify({
      id: "neg",
      candidate: [{ name: "Go", level: { value: -1, max: 5 } }],
      required: [{ name: "Go", level: { value: 3, max: 5 } }],
    });
    const input = [good, "{oops", "", badSkill, "[1]", good].join("\n");
    const { code, stdout } = await run(["batch", "-"], input);
    expect(code).toBe(2);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(["1", "2", "neg", "5", "6"]);
    expect(lines.map((l) => (l.error ? l.error.code : "ok"))).toEqual([
      "ok",
      "INVALID_JSON",
      "INVALID_INPUT",
      "INVALID_INPUT",
      "ok",
    ]);
    expect(lines[2].error.issues[0].path).toEqual(["candidate", 0, "level", "value"]);
  });

  it("gives the same results as single matches across chunk boundaries", async () => {
    const lines: string[] = [];
    for (let k = 0; k < 600; k++) {
      lines.push(
        JSON.stringify({
          id: `p${k}`,
          candidate: [{ name: "React", level: { value: (k % 5) + 1, max: 5 } }],
          required: [{ name: "React", level: { value: 3, max: 5 } }],
        }),
      );
    }
    const { code, stdout } = await run(["batch", file("many.jsonl", lines.join("\n"))]);
    expect(code).toBe(0);
    const out = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(600);
    expect(out[599].id).toBe("p599");
    const single = await reference.match(
      [{ name: "React", level: { value: 5, max: 5 } }],
      [{ name: "React", level: { value: 3, max: 5 } }],
    );
    expect(out[4].overallScore).toBe(single.overallScore);
  });
});

describe("competency rank", () => {
  it("prints the best N, best first, as NDJSON summaries", async () => {
    const { code, stdout } = await run([
      "rank",
      "examples/role.json",
      "examples/candidates.jsonl",
      "--top",
      "3",
    ]);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.rank)).toEqual([1, 2, 3]);
    expect(lines[0].overallScore).toBeGreaterThanOrEqual(lines[1].overallScore);
    expect(lines[1].overallScore).toBeGreaterThanOrEqual(lines[2].overallScore);
    expect(Object.keys(lines[0])).toEqual(["rank", "id", "overallScore", "overallInterval", "topGaps"]);
  });

  it("agrees with the library's rank", async () => {
    const role = (await import("../examples/role.json", { with: { type: "json" } })).default.skills;
    const { readFileSync } = await import("node:fs");
    const candidates = readFileSync("examples/candidates.jsonl", "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const expected = await reference.rank(candidates, role);
    const { stdout } = await run(["rank", "examples/role.json", "examples/candidates.jsonl", "--full"]);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.overallScore])).toEqual(expected.map((e) => [e.id, e.overallScore]));
    expect(lines[0].skillScores).toHaveLength(role.length);
  });

  it("skips bad lines with an error on stderr and exits 2", async () => {
    const input = [
      '{"id":"a","skills":[{"name":"React","level":{"value":4,"max":5}}]}',
      '{"skills":[]}',
      "nope",
    ].join("\n");
    const { code, stdout, stderr } = await run(["rank", "examples/role.json", "-"], input);
    expect(code).toBe(2);
    expect(stdout.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^error\[INVALID_INPUT\]: .*line 2/m);
    expect(stderr).toMatch(/^error\[INVALID_JSON\]: .*line 3/m);
  });

  it("rejects an invalid role before reading candidates", async () => {
    const { code, stderr } = await run(["rank", file("role-bad.json", "[]"), "examples/candidates.jsonl"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error\[INVALID_INPUT\]/);
  });
});

describe("help, version and serve", () => {
  it.each([[[]], [["match"]], [["batch"]], [["rank"]], [["serve"]]])(
    "shows help with examples for %j",
    async (sub) => {
      const { code, stdout } = await run([...sub, "--help"]);
      expect(code).toBe(0);
      expect(stdout).toContain("Examples:");
      expect(stdout).toContain("$ competency");
    },
  );

  it("prints the version", async () => {
    const { code, stdout } = await run(["--version"]);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("rejects a malformed PORT from the environment with exit 2", async () => {
    const { code, stderr } = await run(["serve"], "", { PORT: "eighty" });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error\[INVALID_CONFIG\]: .*PORT/);
  });

  it("serves until SIGTERM, finishes, and exits 0", async () => {
    const out = sink();
    const err = sink();
    const signals = new EventEmitter();
    const io: CliIo = {
      stdin: Readable.from([]),
      stdout: out.stream,
      stderr: err.stream,
      env: { COMPETENCY_LOG_LEVEL: "silent" },
      isTTY: false,
    };
    const done = main(["serve", "--port", "0"], io, {
      createMatcher: (o) => createMatcher({ ...o, embedder: createFakeEmbedder(8) }),
      signals,
    });
    const url = (await err.waitFor(/listening on (http:\/\/\S+) /))[1] ?? "";
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    signals.emit("SIGTERM", "SIGTERM");
    expect(await done).toBe(0);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it.each([
    [["serve", "--port", "0"], {}, 200],
    [["serve", "--port", "0", "--no-ui"], {}, 404],
    [["serve", "--port", "0"], { COMPETENCY_UI: "0" }, 404],
  ] as const)("serve %j with env %j answers GET / with %i", async (argv, env, status) => {
    const err = sink();
    const signals = new EventEmitter();
    const io: CliIo = {
      stdin: Readable.from([]),
      stdout: sink().stream,
      stderr: err.stream,
      env: { COMPETENCY_LOG_LEVEL: "silent", ...env },
      isTTY: false,
    };
    const done = main([...argv], io, {
      createMatcher: (o) => createMatcher({ ...o, embedder: createFakeEmbedder(8) }),
      signals,
    });
    const url = (await err.waitFor(/listening on (http:\/\/\S+) /))[1] ?? "";
    expect((await fetch(`${url}/`)).status).toBe(status);
    signals.emit("SIGTERM", "SIGTERM");
    expect(await done).toBe(0);
  });
});
