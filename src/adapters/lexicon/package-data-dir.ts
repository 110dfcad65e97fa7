import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The package's bundled `data/` directory. Walks up from this module to the first directory holding both a
 * `package.json` and `data/skills`, so it resolves the same from `src/` (tsx, vitest) and `dist/` (tsc).
 */
export function packageDataDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "data", "skills"))) {
      return join(dir, "data");
    }
    const up = dirname(dir);
    if (up === dir) return join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "data");
    dir = up;
  }
}
