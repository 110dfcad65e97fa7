import { FILLER_WORD_WEIGHT, HEAD_WORD_WEIGHT, SIF_A } from "../../../defaults.js";
import { CompetencyError } from "../../../errors.js";
import { FILLERS, headTokenIndex } from "../../../lexicon/head-token-index.js";
import { tokenize } from "../../../lexicon/tokenize.js";
import type { Embedder } from "../../../ports.js";
import { createNgramCache } from "./create-ngram-cache.js";
import { createRowCache } from "./create-row-cache.js";
import type { WordStore } from "./load-store.js";
import { lookupWord } from "./lookup-word.js";
import { createSifWeight } from "./sif-weight.js";
import { STORE_FORMAT_VERSION } from "./store-format.js";

/** Inner separators tried when a whole token is out of vocabulary: `ci/cd`, `t-sql`, `asp.net`, `r&d`. */
const SEPARATORS = /[-/.&']/;
const JS_SUFFIX = ".js";
/** A parenthetical aside ("(PLCs)"), never the head of a name. */
const PARENTHETICAL = /\([^)]*\)/g;
/** Version of the pooling rule, part of the embedder id so cached rows from another rule are never reused. */
const POOLING_VERSION = "h2";
/**
 * Word rows kept in memory (a power of two). Ranking embeds tens of thousands of new names whose words
 * repeat ("advanced", "management"), and each row read is a read syscall of `dim` bytes (~10 µs on this
 * project's CI machine): 8,192 rows of 100 bytes keep a ranking's words in 800 KB. The rows are keyed by row
 * number in an open-addressing table (see `createRowCache`): mapped directly by row number, 4,096 slots read
 * 14,643 rows for 3,135 distinct words over `bench:rank`'s 100,000 lines, as frequent words collided.
 */
const ROW_CACHE_ROWS = 8192;
/** Out-of-vocabulary tokens whose n-gram counts are kept (800 KB at 100 dims): see `createNgramCache`. */
const NGRAM_CACHE_SLOTS = 4096;
/**
 * A code-like token: a number, or a short token with a digit ("a0", "916", "s3"). Its word vector is
 * unreliable (paper sizes, page numbers), so it is compared by its character n-grams: two different codes
 * are unrelated, the same code is the same.
 */
const CODE_TOKEN = /^(?:\d[\d.,]*|(?=[^\d]*\d)[\p{L}\p{N}]{1,4})$/u;

/**
 * Creates an Embedder over a loaded store. A name's vector is the SIF-weighted sum of its tokens' unit word
 * vectors (weights from `createSifWeight`), L2-normalised. A token missing from the vocabulary is tried
 * without a `.js` suffix, then split on `- / . & '` (when at least one part is known); whatever is still
 * unknown gets its hashed character n-gram vector with weight 1 (an unseen word is treated as rare).
 * A name with characters but no usable token falls back to the n-grams of the whole name, so only the
 * empty name gives an all-zero row.
 *
 * Head-aware pooling: the head word of a multi-word name (`headTokenIndex`: "criminal LAW") counts
 * HEAD_WORD_WEIGHT times, so a name is mostly its head and a shared modifier alone ("criminal law" vs
 * "criminal psychology") is weak evidence, for names no lexicon has seen. Generic fillers ("skills",
 * "experience") count FILLER_WORD_WEIGHT, and code-like tokens ("a0", "916") their n-grams only, so junk
 * names share no meaning through them.
 *
 * @param store a verified store (see `loadStore`); its buffers are released by `close()`
 */
export function createStoreEmbedder(store: WordStore): Embedder {
  const dim = store.dim;
  const weightOf = createSifWeight(SIF_A, store.count);
  const encoder = new TextEncoder();
  const acc = new Float32Array(dim);
  const addNgrams = createNgramCache(dim, NGRAM_CACHE_SLOTS);
  const rows = createRowCache(dim, ROW_CACHE_ROWS);
  let utf8 = new Uint8Array(256);
  let current: WordStore | null = store;

  function find(s: WordStore, word: string): number {
    if (word.length * 3 > utf8.length) utf8 = new Uint8Array(word.length * 3);
    return lookupWord(s, utf8, encoder.encodeInto(word, utf8).written);
  }

  /** Weight multiplier of the token being added (HEAD_WORD_WEIGHT for the head word, else 1). */
  let tokenWeight = 1;

  function addRow(s: WordStore, row: number): void {
    const data = rows.data;
    const at = rows.at(s, row);
    const scale = (s.scales[row] as number) * weightOf(row) * tokenWeight;
    for (let d = 0; d < dim; d++) acc[d] = (acc[d] as number) + (data[at + d] as number) * scale;
  }

  /** Adds the parts of a compound token; false when it has no parts or none of them is known. */
  function addParts(s: WordStore, token: string): boolean {
    if (!SEPARATORS.test(token)) return false;
    const parts = token.split(SEPARATORS);
    let known = 0;
    for (const part of parts) if (part.length > 0 && find(s, part) >= 0) known++;
    if (known === 0) return false;
    for (const part of parts) {
      if (part.length === 0) continue;
      const row = find(s, part);
      if (row >= 0) addRow(s, row);
      else addNgrams(part, tokenWeight, acc);
    }
    return true;
  }

  function addToken(s: WordStore, token: string): void {
    // Both of CODE_TOKEN's forms hold an ASCII digit: most tokens have none and skip the Unicode regex.
    if (hasDigit(token) && CODE_TOKEN.test(token)) {
      addNgrams(token, tokenWeight, acc);
      return;
    }
    let row = find(s, token);
    if (row < 0 && token.length > JS_SUFFIX.length && token.endsWith(JS_SUFFIX)) {
      row = find(s, token.slice(0, -JS_SUFFIX.length));
    }
    if (row >= 0) addRow(s, row);
    else if (!addParts(s, token)) addNgrams(token, tokenWeight, acc);
  }

  function sumOfSquares(): number {
    let sumSq = 0;
    for (let d = 0; d < dim; d++) sumSq += (acc[d] as number) * (acc[d] as number);
    return sumSq;
  }

  return {
    id: `wink-sg-100d@${store.sourceVersion}+q8v${STORE_FORMAT_VERSION}+${POOLING_VERSION}`,
    dim,
    async embed(names) {
      const s = current;
      if (s === null) throw new CompetencyError("CLOSED", "the word-vector embedder was closed");
      const out = new Float32Array(names.length * dim);
      for (let i = 0; i < names.length; i++) {
        const name = names[i] as string;
        if (name.length === 0) continue;
        acc.fill(0);
        const tokens = tokenize(name);
        const end = name.includes("(") ? tokenize(name.replace(PARENTHETICAL, " ")).length : tokens.length;
        const head = headTokenIndex(tokens, Math.min(end, tokens.length));
        for (let t = 0; t < tokens.length; t++) {
          const token = tokens[t] as string;
          tokenWeight = t === head ? HEAD_WORD_WEIGHT : FILLERS.has(token) ? FILLER_WORD_WEIGHT : 1;
          addToken(s, token);
        }
        tokenWeight = 1;
        let sumSq = sumOfSquares();
        if (sumSq === 0) {
          addNgrams(name, 1, acc);
          sumSq = sumOfSquares();
        }
        const scale = 1 / Math.sqrt(sumSq);
        const base = i * dim;
        for (let d = 0; d < dim; d++) out[base + d] = (acc[d] as number) * scale;
      }
      return out;
    },
    async close() {
      current?.close();
      current = null;
    },
  };
}

function hasDigit(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}
