/**
 * Bundles the playground (src/ui) into dist/playground/ for installed packages, where src/ is not shipped.
 * In a checkout the service bundles from source on first request instead, so this only matters for `npm pack`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { bundlePlayground } from "../src/service/playground/bundle-playground.js";
import { PLAYGROUND_DIST } from "../src/service/playground/playground-assets.js";

const root = resolve(import.meta.dirname, "..");
const out = join(root, PLAYGROUND_DIST);
const sources = await bundlePlayground(join(root, "src", "ui"));
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "index.html"), sources.html);
writeFileSync(join(out, "playground.js"), sources.js);
writeFileSync(join(out, "playground.css"), sources.css);
process.stdout.write(`playground: ${sources.js.length} B script, ${sources.css.length} B styles → ${out}\n`);
