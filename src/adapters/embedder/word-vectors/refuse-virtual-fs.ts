import { resolve, sep } from "node:path";
import { CompetencyError } from "../../../errors.js";

const VIRTUAL_ROOTS = ["/proc", "/sys"];

/**
 * Refuses a cache directory under /proc or /sys before any file system call: Node's recursive mkdirSync
 * loops forever at 100 % CPU there (issue 13). INVALID_CONFIG, so the CLI exits 2 like any bad setting.
 */
export function refuseVirtualFileSystem(cacheDir: string): void {
  const path = resolve(cacheDir);
  for (const root of VIRTUAL_ROOTS) {
    if (path === root || path.startsWith(root + sep)) {
      throw new CompetencyError(
        "INVALID_CONFIG",
        `cache directory ${JSON.stringify(cacheDir)} is under ${root}, a virtual file system; set COMPETENCY_CACHE_DIR to a real directory`,
      );
    }
  }
}
