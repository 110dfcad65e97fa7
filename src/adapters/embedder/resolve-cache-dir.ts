import { join } from "node:path";

const APP_DIR = "competency-api";

/**
 * Picks the directory of the model store and other caches: `$COMPETENCY_CACHE_DIR`, else
 * `$XDG_CACHE_HOME/competency-api`, else `<homedir>/.cache/competency-api`. Empty variables count as unset.
 * Pure: the caller passes the environment and home directory in.
 *
 * @example resolveCacheDir({}, "/home/ada") // "/home/ada/.cache/competency-api"
 */
export function resolveCacheDir(env: Readonly<Record<string, string | undefined>>, homedir: string): string {
  const explicit = env.COMPETENCY_CACHE_DIR;
  if (explicit !== undefined && explicit !== "") return explicit;
  const xdg = env.XDG_CACHE_HOME;
  if (xdg !== undefined && xdg !== "") return join(xdg, APP_DIR);
  return join(homedir, ".cache", APP_DIR);
}
