import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import { CompetencyError } from "../../../errors.js";

/** How often a waiting process checks the lock, in ms. */
const POLL_MS = 200;
/** A lock file still empty after this long, in ms, belongs to a process that died before writing its pid. */
const EMPTY_LOCK_STALE_MS = 10_000;
/** Give up waiting for another process's build after this long, in ms (a cold build takes seconds). */
const MAX_WAIT_MS = 10 * 60_000;

/**
 * Runs `work` while holding an exclusive lock file, so concurrent processes (test workers, CLI worker
 * threads' parents) build the store once instead of each parsing 307 MB. A lock whose owner pid is gone
 * is stale and taken over.
 *
 * @throws CompetencyError MODEL_UNAVAILABLE when the lock cannot be taken within MAX_WAIT_MS
 */
export async function withBuildLock<T>(lockPath: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new CompetencyError("FILE_UNWRITABLE", `cannot create lock ${lockPath}`, { cause });
      }
    }
    if (!ownerAlive(lockPath)) {
      unlinkQuietly(lockPath);
      continue;
    }
    if (Date.now() - started > MAX_WAIT_MS) {
      throw new CompetencyError("MODEL_UNAVAILABLE", `timed out waiting for ${lockPath}`);
    }
    await delay(POLL_MS);
  }
  try {
    return await work();
  } finally {
    unlinkQuietly(lockPath);
  }
}

function ownerAlive(lockPath: string): boolean {
  let pid: number;
  try {
    const text = readFileSync(lockPath, "utf8");
    if (text === "") return Date.now() - statSync(lockPath).mtimeMs < EMPTY_LOCK_STALE_MS;
    pid = Number.parseInt(text, 10);
  } catch {
    return true; // vanished between calls: the next attempt to take it will tell
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === "EPERM";
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone: another process cleaned it up
  }
}
