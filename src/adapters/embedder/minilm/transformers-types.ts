/**
 * The narrow slice of the `@huggingface/transformers` v4 API the MiniLM embedder uses. Declared locally because
 * the package is an optional dependency: the library must type-check without it.
 */

/** A tensor as transformers.js returns it; `data` is `BigInt64Array` for int64 and `Float32Array` for float32. */
export type HfTensor = {
  readonly dims: readonly number[];
  readonly data: ArrayLike<bigint> | ArrayLike<number>;
};

/** The encoding returned by calling a tokenizer on a batch of texts. */
export type HfEncoding = {
  readonly input_ids: HfTensor;
  readonly attention_mask: HfTensor;
  readonly token_type_ids?: HfTensor;
};

export type HfTokenizer = (
  texts: string[],
  options: { padding: boolean; truncation: boolean; max_length: number },
) => HfEncoding;

export type HfModel = ((inputs: HfEncoding) => Promise<Readonly<Record<string, HfTensor | undefined>>>) & {
  dispose(): Promise<unknown>;
};

/** Options accepted by `from_pretrained` that we set. */
export type HfPretrainedOptions = {
  local_files_only: boolean;
  cache_dir?: string;
  dtype?: "fp32" | "q8";
  device?: "cpu";
};

export type HfTransformers = {
  readonly AutoTokenizer: { from_pretrained(id: string, options: HfPretrainedOptions): Promise<HfTokenizer> };
  readonly AutoModel: { from_pretrained(id: string, options: HfPretrainedOptions): Promise<HfModel> };
};
