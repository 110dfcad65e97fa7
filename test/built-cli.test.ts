/**
 * The built package, as users run it: bundles esbuild writes with scripts/build.ts (into a fresh folder
 * inside the repo, so node_modules and data/ resolve as from dist/), run in child processes and compared
 * with the sources run in this process. A missing bundle entry (a worker thread's file), a path that only
 * works from src/, or a command that loads what it does not use fails here.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBundles, ENTRY_POINTS, ROOT } from "../scripts/build.js";
import { COMPILED_LEXICON_FILE } from "../src/adapters/lexicon/compiled-lexicon-file.js";
import { SHAPE_TABLE_SEED_FILE } from "../src/adapters/shape-tables/prebuilt-shape-table-seed.js";
import type { CliIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { decodeShapeTableSeed } from "../src/core/engine/shape-table-seed.js";
import { COMPILED_LEXICON_FORMAT } from "../src/lexicon/serialize-lexicon.js";

mkdirSync(join(ROOT, ".cache"), { recursive: true });
const OUT = mkdtempSync(join(ROOT, ".cache", "built-cli-test-"));
const HOOK = join(ROOT, "test", "helpers", "report-loaded-modules.mjs");
const HEAVY = ["typescript", "fastify", "piscina", "prom-client", "@huggingface/transformers"];

beforeAll(async () => {
  await buildBundles(OUT);
});
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

/** The built CLI in a child process: stdout, and the CommonJS packages it loaded. */
function runBuilt(args: string[]): { stdout: string; packages: Set<string> } {
  const list = join(OUT, `loaded-${args[0]}-${Math.random().toString(36).slice(2)}.json`);
  const stdout = execFileSync(process.execPath, ["--import", HOOK, join(OUT, "cli.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, LOADED_MODULES_OUT: list },
  });
  const packages = new Set<string>();
  for (const file of JSON.parse(readFileSync(list, "utf8")) as string[]) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file.slice(file.lastIndexOf("node_modules/")));
    if (m?.[1] !== undefined) packages.add(m[1]);
  }
  return { stdout, packages };
}

/** The CLI from sources in this process, with the real default model (as the binary runs). */
async function runSource(argv: string[]): Promise<string> {
  const chunks: string[] = [];
  const io: CliIo = {
    stdin: Readable.from([]),
    stdout: new Writable({
      write(chunk, _enc, done) {
        chunks.push(String(chunk));
        done();
      },
    }),
    stderr: new Writable({ write: (_c, _e, done) => done() }),
    env: process.env,
    isTTY: false,
  };
  expect(await main(argv, io)).toBe(0);
  return chunks.join("");
}

describe("the built CLI", () => {
  it("matches like the sources, with the compiled lexicon, loading none of the heavy packages", async () => {
    const args = ["match", "examples/candidate.json", "examples/role.json"];
    const built = runBuilt(args);
    expect(JSON.parse(built.stdout)).toEqual(JSON.parse(await runSource(args)));
    for (const name of HEAVY) expect(built.packages, name).not.toContain(name);
  });

  it("ranks on two worker threads like the sources", async () => {
    const args = ["rank", "examples/role.json", "examples/candidates.jsonl", "--workers", "2", "--top", "5"];
    expect(runBuilt(args).stdout).toBe(await runSource(args));
  });

  it("ranks a file with its reader thread (dist/parse-worker.js) like the sources", async () => {
    const args = ["rank", "examples/role.json", "examples/candidates.jsonl", "--top", "5", "--full"];
    expect(runBuilt(args).stdout).toBe(await runSource(args));
  });

  it("prints only the version, and help without loading a command", () => {
    expect(runBuilt(["--version"]).stdout).toBe(
      `${JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version}\n`,
    );
    const help = runBuilt(["--help"]);
    expect(help.stdout).toContain("match [options] <candidate.json> <role.json>");
    expect([...help.packages]).toEqual([]);
  });

  it("loads the HTTP stack for serve (so the check above can see a package load)", () => {
    expect(runBuilt(["serve", "--help"]).packages).toContain("fastify");
  });

  it("scores every level scale and strategy like the sources, with the build's Beta tables", async () => {
    // Levels on scales 3, 4, 5 and 10 (seeded ratios) and 7 (not seeded), a fifth of the names unknown.
    const scales = [3, 4, 5, 10, 7];
    const skill = (name: string, k: number) => {
      const max = scales[k % scales.length] as number;
      return { name, level: { value: (k * 7) % (max + 1), max } };
    };
    const names = ["TypeScript", "React", "SQL", "Docker", "Kubernetes", "Python", "Git", "Zorblax Method"];
    const candidate = names.map((n, k) => skill(n, k));
    const role = names.slice(2).map((n, k) => skill(n === "Zorblax Method" ? "Vorpal Widget" : n, k + 3));
    writeFileSync(join(OUT, "scales-candidate.json"), JSON.stringify(candidate));
    writeFileSync(join(OUT, "scales-role.json"), JSON.stringify(role));
    expect(decodeShapeTableSeed(readFileSync(join(OUT, SHAPE_TABLE_SEED_FILE)))?.ratios.length).toBe(33);
    for (const strategy of ["default", "conservative", "aggressive"]) {
      const args = ["match", join(OUT, "scales-candidate.json"), join(OUT, "scales-role.json")];
      const withStrategy = [...args, "--strategy", strategy];
      expect(JSON.parse(runBuilt(withStrategy).stdout), strategy).toEqual(
        JSON.parse(await runSource(withStrategy)),
      );
    }
  });

  it("writes the compiled lexicon next to the bundles", () => {
    expect(JSON.parse(readFileSync(join(OUT, COMPILED_LEXICON_FILE), "utf8")).format).toBe(
      COMPILED_LEXICON_FORMAT,
    );
  });
});

describe("the built library", () => {
  it("imports and matches like the sources", async () => {
    const script = `
      import { createMatcher } from ${JSON.stringify(join(OUT, "index.js"))};
      import { readFileSync } from "node:fs";
      const read = (p) => JSON.parse(readFileSync(p, "utf8")).skills;
      const m = createMatcher();
      const r = await m.match(read("examples/candidate.json"), read("examples/role.json"));
      await m.close();
      process.stdout.write(JSON.stringify(r));`;
    const built = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: ROOT,
      encoding: "utf8",
    });
    const { createMatcher } = await import("../src/index.js");
    const read = (p: string) => JSON.parse(readFileSync(join(ROOT, p), "utf8")).skills;
    const matcher = createMatcher();
    const source = await matcher.match(read("examples/candidate.json"), read("examples/role.json"));
    await matcher.close();
    expect(JSON.parse(built)).toEqual(JSON.parse(JSON.stringify(source)));
  });
});

describe("the package layout", () => {
  it("points main, exports and bin at bundle entries", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    const outputs = new Set(Object.keys(ENTRY_POINTS).map((name) => `./dist/${name}.js`));
    expect(outputs).toContain(pkg.main);
    expect(outputs).toContain(pkg.exports["."].default);
    const bin = readFileSync(join(ROOT, pkg.bin.competency), "utf8");
    const target = /import "\.\.\/(dist\/[^"]+)"/.exec(bin)?.[1];
    expect(outputs).toContain(`./${target}`);
  });
});
