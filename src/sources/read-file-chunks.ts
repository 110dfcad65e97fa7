import { closeSync, openSync, readSync } from "node:fs";
import { open } from "node:fs/promises";
import { fileError } from "./file-error.js";

/**
 * Reads a file front to back into one reused buffer of `size` bytes: each chunk is a view of it, valid
 * until the next one is asked for. Nothing is allocated per read (a stream allocates a buffer per read,
 * garbage that a thread allocating little else keeps until its next collection).
 */
export async function* readFileChunks(path: string, size: number): AsyncGenerator<Buffer> {
  const handle = await open(path, "r");
  const buf = Buffer.allocUnsafe(size);
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, size, null);
      if (bytesRead === 0) return;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/**
 * `readFileChunks` of an input file, 64 KB at a time: a read error is FILE_NOT_FOUND or FILE_UNREADABLE, as
 * the CLI reports a file it cannot open (fileError).
 */
export async function* readFileBytes(path: string): AsyncGenerator<Buffer> {
  try {
    yield* readFileChunks(path, 1 << 16);
  } catch (cause) {
    throw fileError(path, cause);
  }
}

/** Bytes [offset, offset + length) of a file, read synchronously (for a rare path that needs them again). */
export function readFileRangeSync(path: string, offset: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  const fd = openSync(path, "r");
  try {
    let read = 0;
    while (read < length) {
      const n = readSync(fd, out, read, length - read, offset + read);
      if (n === 0) break;
      read += n;
    }
    return out.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
