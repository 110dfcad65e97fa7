import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { CompetencyError } from "../../errors.js";
import { bundlePlayground, type PlaygroundSources } from "./bundle-playground.js";

/** One response body, precompressed. */
export type Asset = {
  readonly type: string;
  readonly identity: Buffer;
  readonly gzip: Buffer;
  readonly br: Buffer;
  readonly etag: string;
};

export type PlaygroundAssets = {
  /** The page, for a service with or without an API key. */
  readonly page: (needsKey: boolean) => Asset;
  /** Hashed, immutable files under `/ui/`, by file name. */
  readonly files: ReadonlyMap<string, Asset>;
  /** Where the files came from: `"source"` (bundled now by esbuild) or `"dist"` (built by `npm run build`). */
  readonly origin: "source" | "dist";
};

/** Built files, relative to the package root; written by scripts/build-ui.ts. */
export const PLAYGROUND_DIST = join("dist", "playground");

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "data", "skills"))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new CompetencyError("FILE_NOT_FOUND", "playground: package root not found");
    dir = up;
  }
}

function asset(type: string, text: string): Asset {
  const identity = Buffer.from(text, "utf8");
  return {
    type,
    identity,
    gzip: gzipSync(identity, { level: 9 }),
    br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    etag: `"${createHash("sha256").update(identity).digest("base64url").slice(0, 16)}"`,
  };
}

const hashOf = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 10);

/** Hashes the file names into the page and precompresses everything. */
export function assetsFrom(sources: PlaygroundSources, origin: "source" | "dist"): PlaygroundAssets {
  const jsName = `playground.${hashOf(sources.js)}.js`;
  const cssName = `playground.${hashOf(sources.css)}.css`;
  const files = new Map<string, Asset>([
    [jsName, asset("text/javascript; charset=utf-8", sources.js)],
    [cssName, asset("text/css; charset=utf-8", sources.css)],
  ]);
  const html = sources.html.replace("%JS%", `/ui/${jsName}`).replace("%CSS%", `/ui/${cssName}`);
  const open = asset("text/html; charset=utf-8", html.replace("%AUTH%", "none"));
  const keyed = asset("text/html; charset=utf-8", html.replace("%AUTH%", "required"));
  return { page: (needsKey) => (needsKey ? keyed : open), files, origin };
}

async function readDist(root: string): Promise<PlaygroundSources> {
  const dir = join(root, PLAYGROUND_DIST);
  try {
    const [html, js, css] = await Promise.all(
      ["index.html", "playground.js", "playground.css"].map((name) => readFile(join(dir, name), "utf8")),
    );
    return { html: html as string, js: js as string, css: css as string };
  } catch (cause) {
    throw new CompetencyError("FILE_NOT_FOUND", `playground assets missing in ${dir}; run npm run build`, {
      cause,
    });
  }
}

/**
 * The playground's files. In a checkout (src/ui present, esbuild installed) they are bundled from source,
 * so the page always matches the code; in an installed package they come from dist/playground.
 */
export async function loadPlaygroundAssets(): Promise<PlaygroundAssets> {
  const root = packageRoot();
  const uiDir = join(root, "src", "ui");
  if (existsSync(join(uiDir, "main.ts"))) {
    try {
      return assetsFrom(await bundlePlayground(uiDir), "source");
    } catch (error) {
      // Without esbuild (a checkout installed without devDependencies) use the built files; a compile error
      // in the sources is rethrown, never hidden behind stale built files.
      const missing = (error as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND";
      if (!missing || !existsSync(join(root, PLAYGROUND_DIST))) throw error;
    }
  }
  return assetsFrom(await readDist(root), "dist");
}
