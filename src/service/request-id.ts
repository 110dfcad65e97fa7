import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

const SAFE_ID = /^[\w.:-]{1,64}$/;

/** Reuses a well-formed incoming `x-request-id` (from a proxy) and otherwise makes a UUID. */
export function genReqId(request: IncomingMessage): string {
  const incoming = request.headers["x-request-id"];
  return typeof incoming === "string" && SAFE_ID.test(incoming) ? incoming : randomUUID();
}
