import { createHash } from "node:crypto";

/** Hex SHA-256 of a string. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * The id of a run: a hash of the input's identity (path and content hash), the options and the shard
 * size. The same run submitted again gets the same id, so BullMQ deduplicates every job of it.
 */
export function runIdFor(identity: Readonly<Record<string, string | number | boolean>>): string {
  const keys = Object.keys(identity).sort();
  return sha256Hex(JSON.stringify(keys.map((k) => [k, identity[k]]))).slice(0, 32);
}

/** Job ids: never contain `:` and never all digits (BullMQ rules). */
export function rootJobId(kind: string, runId: string): string {
  return `${kind}-${runId}`;
}

export function shardJobId(kind: string, runId: string, shard: number): string {
  return `${kind}-${runId}-s${shard}`;
}
