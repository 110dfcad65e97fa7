/**
 * Runs every `$ …` command shown in docs/cli.md, docs/http.md and the README (console blocks) and compares
 * its output with the doc; `--update` re-stamps the docs with the current output instead. Commands run with
 * bash in a scratch directory holding the examples, with `competency` on PATH running this checkout's
 * source. A `$ cat FILE` of a file that does not exist creates it from the doc (the doc's own fixture).
 * Volatile text (durations) is masked. `competency serve` lines are skipped (they never exit); instead a
 * `curl` to `localhost:<port>` runs against a real `competency serve` this script starts on a free port
 * (docs-servers.ts), and a curl whose documented output starts with `HTTP <status>` is shown the way
 * docs/http.md explains: the status, the headers the doc lists, then the body pretty-printed (http-example.ts).
 *
 *   npm run docs:update      # after a change that alters outputs
 */
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DocServers } from "./docs-servers.js";
import { curlCommand, formatHttpExample, isHttpExample, LOCALHOST } from "./http-example.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const DOC_FILES = ["docs/cli.md", "docs/http.md", "README.md"];

/** Durations and timestamps vary run to run; everything else must match exactly. */
const mask = (text: string): string =>
  text
    .replace(/\b\d+(\.\d+)?\s?(ms|s)\b/g, "<time>")
    // A rate-limit message counts down ("retry in 1 minute", "retry in 59 seconds" a second later).
    .replace(/\bretry in \d+ (seconds?|minutes?)\b/g, "retry in <time>")
    .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, "<timestamp>");

type Command = {
  file: string;
  command: string;
  expected: string;
  start: number;
  end: number;
  gap: string;
  /** The block's `<!-- docs-check: server … -->` directive: which server its curls go to ("" = default). */
  server: string;
};

/** Every `$ ` command in a ```console block, with the output lines the doc shows under it. */
function commandsOf(file: string, text: string): Command[] {
  const out: Command[] = [];
  const block = /(?:<!-- docs-check: server ([^>]*?) -->\n+)?```console\n([\s\S]*?)```/g;
  for (let m = block.exec(text); m !== null; m = block.exec(text)) {
    const server = (m[1] ?? "").trim();
    const body = m[2] ?? "";
    const base = m.index + m[0].length - body.length - 3;
    const starts = [...body.matchAll(/^\$ .*$/gm)].map((c) => c.index ?? 0);
    starts.forEach((at, k) => {
      const lineEnd = body.indexOf("\n", at) + 1;
      const end = k + 1 < starts.length ? (starts[k + 1] as number) : body.length;
      const shown = body.slice(lineEnd, end);
      const trimmed = shown.replace(/\n+$/, "\n");
      out.push({
        file,
        command: body.slice(at + 2, lineEnd - 1),
        expected: trimmed === "\n" ? "" : trimmed,
        start: base + lineEnd,
        end: base + end,
        gap: shown.slice(trimmed.length),
        server,
      });
    });
  }
  return out;
}

function sandbox(): Box {
  const dir = mkdtempSync(join(tmpdir(), "competency-docs-"));
  symlinkSync(join(ROOT, "examples"), join(dir, "examples"));
  const bin = join(dir, ".bin");
  mkdirSync(bin);
  const loader = join(ROOT, "node_modules", "tsx", "dist", "loader.mjs");
  writeFileSync(
    join(bin, "competency"),
    `#!/bin/sh\nexec "${process.execPath}" --import "file://${loader}" "${join(ROOT, "src", "cli", "bin.ts")}" "$@"\n`,
  );
  chmodSync(join(bin, "competency"), 0o755);
  const cacheDir = process.env.COMPETENCY_CACHE_DIR ?? join(tmpdir(), "competency-api-test-cache");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${bin}:${process.env.PATH ?? ""}`,
    COMPETENCY_CACHE_DIR: cacheDir,
    NO_COLOR: "1",
    COLUMNS: "100",
  };
  // The servers' own settings come from each block's directive, never from the caller's environment.
  const serverEnv: NodeJS.ProcessEnv = { ...env };
  for (const key of Object.keys(serverEnv))
    if (/^(COMPETENCY_(?!CACHE_DIR)|PORT$|HOST$)/.test(key)) delete serverEnv[key];
  const servers = new DocServers({ command: join(bin, "competency"), args: [], env: serverEnv, cwd: dir });
  return { dir, env, servers };
}

type Box = { dir: string; env: NodeJS.ProcessEnv; servers: DocServers };

/** Runs a command line with bash in the sandbox. */
function bash(script: string, box: Box) {
  return spawnSync("bash", ["-c", script], {
    cwd: box.dir,
    env: box.env,
    encoding: "utf8",
    timeout: 120_000,
  });
}

async function run(c: Command, box: Box): Promise<string | null> {
  if (/competency serve\b/.test(c.command)) return null;
  const cat = /^cat (\S+)$/.exec(c.command);
  if (cat !== null && !existsSync(join(box.dir, cat[1] as string)))
    writeFileSync(join(box.dir, cat[1] as string), c.expected);
  const curl = curlCommand(c.command, await portFor(c, box));
  if (curl !== null && isHttpExample(c.expected)) {
    // Headers go to a file: curl 7.88 crashes writing them to /dev/stderr when stderr is a pipe. The file is
    // removed first, so a curl that writes none is never shown the previous response's headers.
    const head = join(box.dir, ".response-head");
    rmSync(head, { force: true });
    const res = bash(`${curl} -D ${head} -w '\\n%{http_code}'`, box);
    return formatHttpExample(res.stdout, existsSync(head) ? readFileSync(head, "utf8") : "", c.expected);
  }
  const res = bash(`(${curl ?? c.command}) 2>&1`, box);
  // Every shown output ends with a newline, so the closing fence stays on its own line.
  return res.stdout === "" ? "" : `${res.stdout.replace(/\n+$/, "")}\n`;
}

/** The port of the block's server when the command talks to `localhost:<port>`; undefined otherwise. */
async function portFor(c: Command, box: Box): Promise<number | undefined> {
  return LOCALHOST.test(c.command) ? box.servers.port(c.server) : undefined;
}

/** Mismatches between the docs and the commands' real output (empty when the docs are current). */
export async function checkDocs(update = false): Promise<string[]> {
  const box = sandbox();
  const problems: string[] = [];
  try {
    for (const file of DOC_FILES) {
      const path = join(ROOT, file);
      let text = readFileSync(path, "utf8");
      const commands = commandsOf(file, text);
      // Run in document order (a `cat` may create a later command's input), stamp from the end.
      const outputs: (string | null)[] = [];
      for (const c of commands) outputs.push(await run(c, box));
      for (let k = commands.length - 1; k >= 0; k--) {
        const c = commands[k] as Command;
        const actual = outputs[k] ?? null;
        if (actual === null) continue;
        if (mask(actual) === mask(c.expected)) continue;
        if (update) text = text.slice(0, c.start) + actual + c.gap + text.slice(c.end);
        else problems.push(`${file}: $ ${c.command}\n--- doc\n${c.expected}--- actual\n${actual}`);
      }
      if (update) writeFileSync(path, text);
    }
  } finally {
    await box.servers.close();
    rmSync(box.dir, { recursive: true, force: true });
  }
  return problems;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const update = process.argv.includes("--update");
  const problems = await checkDocs(update);
  for (const p of problems) process.stderr.write(`${p}\n`);
  process.stdout.write(update ? "docs re-stamped\n" : `${problems.length} mismatches\n`);
  process.exitCode = problems.length > 0 ? 1 : 0;
}
