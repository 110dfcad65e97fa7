import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type * as Esbuild from "esbuild";

/** The playground's three files before hashing: the page template, one JS module and one stylesheet. */
export type PlaygroundSources = {
  /** index.html with `%JS%`, `%CSS%` and `%AUTH%` placeholders. */
  readonly html: string;
  readonly js: string;
  readonly css: string;
};

// A computed specifier: bundlers leave it alone, and installs without devDependencies never load it.
const ESBUILD = "esbuild";

/**
 * Bundles the page from its TypeScript sources in `uiDir` (src/ui) with esbuild: one minified ES module for
 * the browser and a minified stylesheet, in memory. Needs the esbuild devDependency; rejects without it.
 */
export async function bundlePlayground(uiDir: string): Promise<PlaygroundSources> {
  const esbuild = (await import(ESBUILD)) as typeof Esbuild;
  const [built, css, html] = await Promise.all([
    esbuild.build({
      entryPoints: [join(uiDir, "main.ts")],
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      minify: true,
      legalComments: "none",
      write: false,
      outfile: "playground.js",
      logLevel: "silent",
    }),
    readFile(join(uiDir, "playground.css"), "utf8").then((text) =>
      esbuild.transform(text, { loader: "css", minify: true }),
    ),
    readFile(join(uiDir, "index.html"), "utf8"),
  ]);
  const js = built.outputFiles[0]?.text ?? "";
  return { html, js, css: css.code };
}
