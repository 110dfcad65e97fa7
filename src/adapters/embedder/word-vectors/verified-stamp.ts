import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs";

/** What identifies one version of a file: a rewrite or an in-place edit changes at least one of these. */
type FileIdentity = { readonly size: number; readonly mtimeMs: number; readonly ino: number };

function identityOf(path: string): FileIdentity {
  const { size, mtimeMs, ino } = statSync(path);
  return { size, mtimeMs, ino };
}

/** Path of the stamp that records a successful full check of `storePath`. */
export function stampPath(storePath: string): string {
  return `${storePath}.verified`;
}

/**
 * True when `storePath` passed its full row check before and has not changed since (same size, mtime and
 * inode as recorded then), so a short-lived process need not stream its 41.5 MB through CRC-32 again.
 */
export function isVerified(storePath: string): boolean {
  try {
    const stamp = JSON.parse(readFileSync(stampPath(storePath), "utf8")) as Partial<FileIdentity>;
    const now = identityOf(storePath);
    return stamp.size === now.size && stamp.mtimeMs === now.mtimeMs && stamp.ino === now.ino;
  } catch {
    return false;
  }
}

/** Records that `storePath` passed its check, as it is now. Best effort: a read-only cache just checks again. */
export function markVerified(storePath: string): void {
  try {
    const tmp = `${stampPath(storePath)}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(identityOf(storePath)));
    renameSync(tmp, stampPath(storePath));
  } catch {
    // not fatal: the next load verifies in the background again
  }
}
