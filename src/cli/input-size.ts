import { stat } from "node:fs/promises";

/** Size in bytes of a regular file, or undefined for stdin and anything that cannot be sized. */
export async function inputSize(path: string): Promise<number | undefined> {
  if (path === "-") return undefined;
  try {
    const s = await stat(path);
    return s.isFile() ? s.size : undefined;
  } catch {
    return undefined; // openInput reports the real problem with its cause
  }
}
