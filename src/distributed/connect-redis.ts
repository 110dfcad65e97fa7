import type { Redis } from "ioredis";
import { CompetencyError } from "../errors.js";
import { ioredis } from "./cjs-modules.js";
import { REDIS_CONNECT_TIMEOUT_MS } from "./distributed-defaults.js";

/** Reconnect delay after the n-th failed attempt: 200 ms growing to 5 s, forever (a worker outlives Redis restarts). */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(attempt * 200, 5_000);
}

/**
 * Opens a client for BullMQ (no per-command retry limit, reconnects with backoff). First probes Redis once
 * with no retries: if it cannot be reached, throws REDIS_UNAVAILABLE instead of hanging. Returns the client
 * and a warning when `maxmemory-policy` is not `noeviction` (Redis could then drop queue keys).
 */
export async function connectRedis(url: string): Promise<{ client: Redis; warning: string | undefined }> {
  const probe = new (ioredis().Redis)(url, {
    lazyConnect: true,
    connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let firstError: Error | undefined;
  probe.on("error", (error: Error) => {
    firstError ??= error; // ECONNREFUSED and the like; connect() itself only says "Connection is closed."
  });
  let warning: string | undefined;
  try {
    await probe.connect();
    const policy = (await probe.config("GET", "maxmemory-policy")) as string[];
    if (policy[1] !== undefined && policy[1] !== "noeviction")
      warning = `warning: Redis maxmemory-policy is ${policy[1]}, not noeviction: Redis may evict queue keys and lose shards\n`;
  } catch (cause) {
    probe.disconnect();
    const reason = firstError ?? (cause as Error);
    throw new CompetencyError("REDIS_UNAVAILABLE", `${redactUrl(url)} (${reason.message})`, {
      cause: reason,
    });
  }
  probe.disconnect();
  const client = new (ioredis().Redis)(url, { maxRetriesPerRequest: null, retryStrategy: reconnectDelayMs });
  // Without a listener ioredis prints every reconnect failure; commands queue meanwhile and fail or succeed on their own.
  client.on("error", () => {});
  return { client, warning };
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}
