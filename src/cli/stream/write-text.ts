import { once } from "node:events";
import type { Writable } from "node:stream";

/** Writes `text` and waits for `drain` when the stream's buffer is full, so output never piles up in memory. */
export async function writeText(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, "drain");
}
