import { access } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { CompetencyError } from "../../errors.js";
import type { Embedder } from "../../ports.js";
import { type LoadedMiniLm, loadMiniLm } from "./minilm/load-mini-lm.js";
import { meanPoolRow } from "./minilm/mean-pool-row.js";
import type { HfPretrainedOptions } from "./minilm/transformers-types.js";

/** Hub repository with the ONNX export of sentence-transformers all-MiniLM-L6-v2. */
export const MINILM_HUB_MODEL_ID = "Xenova/all-MiniLM-L6-v2";
/** Token limit of all-MiniLM-L6-v2 in sentence-transformers (`max_seq_length`); longer inputs are truncated. */
const MINILM_MAX_TOKENS = 256;

/** Options of {@link createMiniLmEmbedder}. */
export type MiniLmEmbedderOptions = {
  /**
   * Directory holding the model (`config.json`, `tokenizer.json`, `tokenizer_config.json`, `onnx/model.onnx`).
   * With `allowRemote`, the download cache directory instead (files land in `<modelPath>/<modelId>/`).
   */
  modelPath: string;
  /**
   * Name stamped into `id` (`"minilm:<modelId>"`); with `allowRemote`, the hub repository to download.
   * @default basename of `modelPath`; with `allowRemote`, `MINILM_HUB_MODEL_ID`
   */
  modelId?: string;
  /** Allow downloading `modelId` from the Hugging Face hub when it is not cached yet. @default false */
  allowRemote?: boolean;
  /** Load the int8 export `onnx/model_quantized.onnx` instead of `onnx/model.onnx`. @default false */
  quantized?: boolean;
  /**
   * Names per model call. 1 keeps rows bit-identical however names are batched (the port's determinism
   * contract); larger batches are faster but padding may change the last bits of a row. @default 1
   */
  batchSize?: number;
};

/** Runs one batch of non-blank names and writes their pooled unit rows at `rows[b] * dim`. */
async function embedBatch(
  loaded: LoadedMiniLm,
  texts: string[],
  rows: number[],
  out: Float32Array,
  dim: number,
) {
  const encoding = loaded.tokenizer(texts, {
    padding: true,
    truncation: true,
    max_length: MINILM_MAX_TOKENS,
  });
  const hidden = (await loaded.model(encoding)).last_hidden_state;
  const [batch, seq = 0, hiddenDim] = hidden?.dims ?? [];
  if (!(hidden?.data instanceof Float32Array) || batch !== texts.length || hiddenDim !== dim) {
    throw new CompetencyError(
      "INTERNAL",
      `MiniLM output is not a float32 [${texts.length}, seq, ${dim}] tensor`,
    );
  }
  const mask = encoding.attention_mask.data;
  for (let b = 0; b < batch; b++) meanPoolRow(hidden.data, mask, b, seq, dim, out, (rows[b] as number) * dim);
}

/**
 * Creates the optional MiniLM embedder: sentence-transformers all-MiniLM-L6-v2 (384-d) run through
 * `@huggingface/transformers` on onnxruntime-node, with mean pooling over the attention mask and L2
 * normalisation. The package is imported lazily and the model loaded once here; nothing is downloaded unless
 * `allowRemote` is set. Empty (or blank) names give zero rows without running the model.
 *
 * @throws CompetencyError MODEL_UNAVAILABLE when the package is missing or the model cannot be loaded
 * @throws CompetencyError INVALID_CONFIG when `batchSize` is not an integer ≥ 1
 * @example const embedder = await createMiniLmEmbedder({ modelPath: "/models/all-MiniLM-L6-v2" });
 */
export async function createMiniLmEmbedder(options: MiniLmEmbedderOptions): Promise<Embedder> {
  const { allowRemote = false, quantized = false, batchSize = 1 } = options;
  if (!(Number.isInteger(batchSize) && batchSize >= 1)) {
    throw new CompetencyError("INVALID_CONFIG", `minilm batchSize must be an integer >= 1, got ${batchSize}`);
  }
  // Relative paths would be read by transformers.js as hub ids under `env.localModelPath`.
  const modelPath = resolve(options.modelPath);
  const pretrained: HfPretrainedOptions = {
    local_files_only: !allowRemote,
    dtype: quantized ? "q8" : "fp32",
    device: "cpu",
  };
  let loaded: LoadedMiniLm;
  let modelId: string;
  if (allowRemote) {
    modelId = options.modelId ?? MINILM_HUB_MODEL_ID;
    loaded = await loadMiniLm(modelId, `the hub (cached in ${modelPath})`, {
      ...pretrained,
      cache_dir: modelPath,
    });
  } else {
    modelId = options.modelId ?? basename(modelPath);
    // Checked here so a wrong path gives one clear error instead of the library's per-file messages.
    try {
      await access(join(modelPath, "config.json"));
    } catch (cause) {
      const message = `no MiniLM model at ${modelPath} (config.json not found)`;
      throw new CompetencyError("MODEL_UNAVAILABLE", message, { cause });
    }
    loaded = await loadMiniLm(modelPath, modelPath, pretrained);
  }

  const { dim } = loaded;
  let closed = false;
  const inFlight = new Set<Promise<unknown>>();

  async function run(names: readonly string[]): Promise<Float32Array> {
    const out = new Float32Array(names.length * dim);
    // Each distinct non-blank name is embedded once and copied to its duplicates.
    const firstRow = new Map<string, number>();
    const texts: string[] = [];
    const rows: number[] = [];
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      if (name.trim() === "" || firstRow.has(name)) continue;
      firstRow.set(name, i);
      texts.push(name);
      rows.push(i);
    }
    try {
      for (let start = 0; start < texts.length; start += batchSize) {
        const end = Math.min(start + batchSize, texts.length);
        await embedBatch(loaded, texts.slice(start, end), rows.slice(start, end), out, dim);
      }
    } catch (cause) {
      if (cause instanceof CompetencyError) throw cause;
      throw new CompetencyError("INTERNAL", `MiniLM inference failed for ${texts.length} name(s)`, { cause });
    }
    for (let i = 0; i < names.length; i++) {
      const first = firstRow.get(names[i] as string);
      if (first !== undefined && first !== i) out.copyWithin(i * dim, first * dim, (first + 1) * dim);
    }
    return out;
  }

  return {
    id: `minilm:${modelId}${quantized ? "+q8" : ""}`,
    dim,
    async embed(names) {
      if (closed) throw new CompetencyError("CLOSED", `the minilm embedder (${modelId}) was closed`);
      const pending = run(names);
      inFlight.add(pending);
      try {
        return await pending;
      } finally {
        inFlight.delete(pending);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      // Let running calls finish before the session is released under them.
      await Promise.allSettled([...inFlight]);
      await loaded.model.dispose();
    },
  };
}
