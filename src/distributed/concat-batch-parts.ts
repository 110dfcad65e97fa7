import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { rm, rmdir } from "node:fs/promises";
import type { Writable } from "node:stream";
import { CompetencyError } from "../errors.js";
import type { RunResult } from "./job-types.js";

/** Copies the parts of a batch run to `out` in order, checking each part's hash, then deletes them. */
export async function concatBatchParts(
  result: RunResult,
  out: Writable,
  outDir: string | undefined,
): Promise<void> {
  if (result.kind !== "batch") return;
  for (const part of result.parts) {
    const hash = createHash("sha256");
    for await (const chunk of createReadStream(part.outPath)) {
      hash.update(chunk as Buffer);
      if (!out.write(chunk)) await new Promise((resolve) => out.once("drain", resolve));
    }
    if (hash.digest("hex") !== part.outSha256)
      throw new CompetencyError(
        "RUN_INCONSISTENT",
        `${JSON.stringify(part.outPath)} does not match its recorded hash`,
      );
  }
  for (const part of result.parts) await rm(part.outPath, { force: true });
  // Removed only when empty: other runs may share the directory.
  if (outDir !== undefined) await rmdir(outDir).catch(() => {});
}
