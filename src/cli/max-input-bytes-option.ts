import { InvalidArgumentError, Option } from "commander";
import { MAX_INPUT_BYTES } from "./read-input.js";

/** `--max-input-bytes <n>`: the cap on JSON files read whole (NDJSON streams are exempt). */
export function maxInputBytesOption(): Option {
  return new Option("--max-input-bytes <n>", "largest JSON input file read whole, in bytes")
    .default(MAX_INPUT_BYTES, "16 MiB")
    .argParser((raw: string) => {
      const n = Number(raw);
      if (!Number.isSafeInteger(n) || n < 1)
        throw new InvalidArgumentError(
          `--max-input-bytes must be a positive integer, got ${JSON.stringify(raw)}`,
        );
      return n;
    });
}
