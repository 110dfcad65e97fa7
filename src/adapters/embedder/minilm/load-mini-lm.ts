import { CompetencyError } from "../../../errors.js";
import type { HfModel, HfPretrainedOptions, HfTokenizer, HfTransformers } from "./transformers-types.js";

/** A variable specifier keeps `tsc` and bundlers from resolving the optional package eagerly. */
const TRANSFORMERS_PACKAGE = "@huggingface/transformers";

/** A loaded tokenizer and model pair, with the hidden size read from a probe run of the model. */
export type LoadedMiniLm = { readonly tokenizer: HfTokenizer; readonly model: HfModel; readonly dim: number };

/**
 * Imports `@huggingface/transformers` on first use and loads the tokenizer and ONNX model of `source` (an
 * absolute directory, or a hub id when `options.local_files_only` is false), then runs it once on "a" to read
 * the hidden size from `last_hidden_state` rather than trusting config.json.
 *
 * @param where the location named in error messages
 * @throws CompetencyError MODEL_UNAVAILABLE when the package cannot be imported or the model cannot be loaded
 */
export async function loadMiniLm(
  source: string,
  where: string,
  options: HfPretrainedOptions,
): Promise<LoadedMiniLm> {
  let hf: HfTransformers;
  try {
    hf = (await import(TRANSFORMERS_PACKAGE)) as HfTransformers;
  } catch (cause) {
    const hint = "install it (with onnxruntime-node) to use the minilm embedder";
    throw new CompetencyError("MODEL_UNAVAILABLE", `cannot import ${TRANSFORMERS_PACKAGE}; ${hint}`, {
      cause,
    });
  }
  try {
    const [tokenizer, model] = await Promise.all([
      hf.AutoTokenizer.from_pretrained(source, options),
      hf.AutoModel.from_pretrained(source, options),
    ]);
    const probe = await model(tokenizer(["a"], { padding: true, truncation: true, max_length: 8 }));
    const dim = probe.last_hidden_state?.dims[2];
    if (dim !== undefined && Number.isInteger(dim) && dim > 0) return { tokenizer, model, dim };
    await model.dispose();
    throw new Error("the model has no float [batch, seq, hidden] output named last_hidden_state");
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new CompetencyError("MODEL_UNAVAILABLE", `cannot load MiniLM from ${where}: ${reason}`, { cause });
  }
}
