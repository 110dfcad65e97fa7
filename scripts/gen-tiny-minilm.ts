/**
 * Generates a tiny BERT-style model directory that `createMiniLmEmbedder` can load, so the MiniLM loading and
 * pooling code is tested without network access or Python. Deterministic: the same call writes the same bytes.
 *
 * Layout (what @huggingface/transformers expects for a local model):
 *   config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx, onnx/model_quantized.onnx
 *
 * The ONNX graph is `last_hidden_state = Gather(WORD, input_ids) + Gather(TYPE, token_type_ids)`: each
 * position's hidden vector is its token's row plus its token-type row, so a mean-pooled sentence vector can be
 * computed by hand from `tinyWordRow`/`tinyTypeRow`. `attention_mask` is a declared input the graph ignores,
 * exactly like a real BERT export whose pooling happens outside the graph.
 *
 * Usage: `npx tsx scripts/gen-tiny-minilm.ts <out-dir>`
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Hidden size of the tiny model. */
export const TINY_HIDDEN = 8;
const TYPE_VOCAB = 2;
const SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] as const;
const WORDS = (
  "java ##script type python sql no ##sql node . js react machine learning c + # go rust kotlin swift " +
  "docker kube ##rnetes ##ctl aws azure git linux data science deep web dev ##ops ci / cd html css api " +
  "rest graph ##ql spark scala excel x a post ##gres mongo ##db ruby rails php"
).split(" ");
/** The vocabulary in id order: special tokens first, then words and `##` pieces. */
export const TINY_VOCAB: readonly string[] = [...SPECIALS, ...WORDS];

/** Exactly representable values (multiples of 1/16 in [-2, 2)) so hand-computed sums are exact. */
function tableValue(seed: number, i: number): number {
  let h = Math.imul(seed ^ Math.imul(i + 1, 0x9e3779b1), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (((h ^ (h >>> 16)) >>> 0) % 64) / 16 - 2;
}

/** Row `id` of the word-embedding table (fresh array). */
export function tinyWordRow(id: number): Float32Array {
  const row = new Float32Array(TINY_HIDDEN);
  for (let h = 0; h < TINY_HIDDEN; h++) row[h] = tableValue(0x1234, id * TINY_HIDDEN + h);
  return row;
}

/** Row `typeId` of the token-type table (fresh array). */
export function tinyTypeRow(typeId: number): Float32Array {
  const row = new Float32Array(TINY_HIDDEN);
  for (let h = 0; h < TINY_HIDDEN; h++) row[h] = tableValue(0x5678, typeId * TINY_HIDDEN + h) / 4;
  return row;
}

// --- minimal protobuf writer: just the wire types ONNX needs (varint = 0, length-delimited = 2) ---
type Field = Uint8Array;
const utf8 = new TextEncoder();

function varint(value: number | bigint): number[] {
  let v = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return out;
}
const concat = (parts: readonly Uint8Array[]): Uint8Array => Buffer.concat(parts);
const int = (field: number, value: number | bigint): Field =>
  Uint8Array.from([...varint(field << 3), ...varint(value)]);
const bytes = (field: number, value: Uint8Array): Field =>
  concat([Uint8Array.from([...varint((field << 3) | 2), ...varint(value.length)]), value]);
const str = (field: number, value: string): Field => bytes(field, utf8.encode(value));
const msg = (field: number, parts: readonly Field[]): Field => bytes(field, concat(parts));

const FLOAT = 1;
const INT64 = 7;

/** TensorProto: dims = 1, data_type = 2, name = 8, raw_data = 9 (little-endian). */
function floatTensor(field: number, name: string, dims: readonly number[], data: Float32Array): Field {
  const raw = Buffer.alloc(data.length * 4);
  for (let i = 0; i < data.length; i++) raw.writeFloatLE(data[i] as number, i * 4);
  return msg(field, [...dims.map((d) => int(1, d)), int(2, FLOAT), str(8, name), bytes(9, raw)]);
}

/** ValueInfoProto { name = 1, type = 2 { tensor_type = 1 { elem_type = 1, shape = 2 { dim = 1 } } } }. */
function valueInfo(
  field: number,
  name: string,
  elemType: number,
  dimParams: readonly (string | number)[],
): Field {
  const dims = dimParams.map((d) => msg(1, [typeof d === "number" ? int(1, d) : str(2, d)]));
  return msg(field, [str(1, name), msg(2, [msg(1, [int(1, elemType), msg(2, dims)])])]);
}

/** NodeProto: input = 1, output = 2, name = 3, op_type = 4. */
function node(name: string, opType: string, inputs: readonly string[], outputs: readonly string[]): Field {
  return msg(1, [
    ...inputs.map((i) => str(1, i)),
    ...outputs.map((o) => str(2, o)),
    str(3, name),
    str(4, opType),
  ]);
}

/** The ONNX ModelProto bytes of the tiny model (ir_version 8, opset 13). */
export function tinyOnnxModel(): Uint8Array {
  const words = new Float32Array(TINY_VOCAB.length * TINY_HIDDEN);
  for (let id = 0; id < TINY_VOCAB.length; id++) words.set(tinyWordRow(id), id * TINY_HIDDEN);
  const types = new Float32Array(TYPE_VOCAB * TINY_HIDDEN);
  for (let t = 0; t < TYPE_VOCAB; t++) types.set(tinyTypeRow(t), t * TINY_HIDDEN);
  const seq = ["batch_size", "sequence_length"];
  const graph = [
    node("word_gather", "Gather", ["word_embeddings", "input_ids"], ["word_vectors"]),
    node("type_gather", "Gather", ["token_type_embeddings", "token_type_ids"], ["type_vectors"]),
    node("sum", "Add", ["word_vectors", "type_vectors"], ["last_hidden_state"]),
    str(2, "tiny-minilm"),
    floatTensor(5, "word_embeddings", [TINY_VOCAB.length, TINY_HIDDEN], words),
    floatTensor(5, "token_type_embeddings", [TYPE_VOCAB, TINY_HIDDEN], types),
    valueInfo(11, "input_ids", INT64, seq),
    valueInfo(11, "attention_mask", INT64, seq),
    valueInfo(11, "token_type_ids", INT64, seq),
    valueInfo(12, "last_hidden_state", FLOAT, [...seq, TINY_HIDDEN]),
  ];
  // ModelProto: ir_version = 1, producer_name = 2, graph = 7, opset_import = 8 { domain = 1, version = 2 }.
  return concat([int(1, 8), str(2, "gen-tiny-minilm"), msg(7, graph), msg(8, [str(1, ""), int(2, 13)])]);
}

function tokenizerJson(): unknown {
  const vocab: Record<string, number> = {};
  TINY_VOCAB.forEach((token, id) => {
    vocab[token] = id;
  });
  const special = (token: string) => ({ id: token, ids: [vocab[token]], tokens: [token] });
  const piece = (kind: "SpecialToken" | "Sequence", id: string, typeId: number) => ({
    [kind]: { id, type_id: typeId },
  });
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: SPECIALS.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: "BertNormalizer",
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [
        piece("SpecialToken", "[CLS]", 0),
        piece("Sequence", "A", 0),
        piece("SpecialToken", "[SEP]", 0),
      ],
      pair: [
        piece("SpecialToken", "[CLS]", 0),
        piece("Sequence", "A", 0),
        piece("SpecialToken", "[SEP]", 0),
        piece("Sequence", "B", 1),
        piece("SpecialToken", "[SEP]", 1),
      ],
      special_tokens: { "[CLS]": special("[CLS]"), "[SEP]": special("[SEP]") },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: {
      type: "WordPiece",
      unk_token: "[UNK]",
      continuing_subword_prefix: "##",
      max_input_chars_per_word: 100,
      vocab,
    },
  };
}

const TOKENIZER_CONFIG = {
  tokenizer_class: "BertTokenizer",
  do_lower_case: true,
  model_max_length: 64,
  cls_token: "[CLS]",
  sep_token: "[SEP]",
  pad_token: "[PAD]",
  unk_token: "[UNK]",
  mask_token: "[MASK]",
};

const CONFIG = {
  architectures: ["BertModel"],
  model_type: "bert",
  hidden_size: TINY_HIDDEN,
  num_hidden_layers: 1,
  num_attention_heads: 1,
  intermediate_size: 2 * TINY_HIDDEN,
  max_position_embeddings: 64,
  type_vocab_size: TYPE_VOCAB,
  vocab_size: TINY_VOCAB.length,
  pad_token_id: 0,
};

/** Writes the tiny model into `dir` (created if missing) and returns `dir`. */
export async function generateTinyMiniLm(dir: string): Promise<string> {
  await mkdir(join(dir, "onnx"), { recursive: true });
  const onnx = tinyOnnxModel();
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  await Promise.all([
    writeFile(join(dir, "config.json"), json(CONFIG)),
    writeFile(join(dir, "tokenizer.json"), json(tokenizerJson())),
    writeFile(join(dir, "tokenizer_config.json"), json(TOKENIZER_CONFIG)),
    writeFile(join(dir, "onnx", "model.onnx"), onnx),
    // The q8 file name transformers.js asks for when `quantized`; a float copy is enough to test the path.
    writeFile(join(dir, "onnx", "model_quantized.onnx"), onnx),
  ]);
  return dir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (out === undefined) {
    process.stderr.write("usage: tsx scripts/gen-tiny-minilm.ts <out-dir>\n");
    process.exitCode = 2;
  } else {
    await generateTinyMiniLm(out);
    process.stdout.write(`tiny MiniLM model written to ${out}\n`);
  }
}
