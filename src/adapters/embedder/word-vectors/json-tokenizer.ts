import { grown } from "../../../core/grown.js";
import { parseJsonNumber } from "./parse-json-number.js";

/** Receives JSON tokens in document order. Byte buffers are reused: copy what you keep before returning. */
export type JsonHandler = {
  startContainer(isObject: boolean): void;
  endContainer(): void;
  /** An object key: unescaped UTF-8 in `bytes[0..length)`. */
  key(bytes: Uint8Array, length: number): void;
  /** A string value: unescaped UTF-8 in `bytes[0..length)`. */
  string(bytes: Uint8Array, length: number): void;
  number(value: number): void;
  /** `true`, `false` or `null`. */
  literal(): void;
};

/** A push tokenizer: feed it chunks of any size; tokens may straddle chunk boundaries. */
export type JsonTokenizer = {
  write(chunk: Uint8Array): void;
  /** Flushes a trailing number and checks that every container was closed. */
  end(): void;
};

const VALUE = 0;
const STRING = 1;
const ESCAPE = 2;
const UNICODE = 3;
const NUMBER = 4;
const LITERAL = 5;
const MAX_DEPTH = 64;
const ESCAPES: Readonly<Record<number, number>> = {
  34: 34,
  92: 92,
  47: 47,
  98: 8,
  102: 12,
  110: 10,
  114: 13,
  116: 9,
};

/**
 * Creates a streaming JSON tokenizer over UTF-8 bytes. It keeps O(longest string) state, so a 300 MB
 * document never has to be in memory at once. Validation is structural only; malformed input throws a
 * plain Error naming the byte offset, which the caller wraps.
 *
 * @example const t = createJsonTokenizer(handler); for await (const c of stream) t.write(c); t.end();
 */
export function createJsonTokenizer(handler: JsonHandler): JsonTokenizer {
  let state = VALUE;
  let offset = 0;
  let str = new Uint8Array(256);
  let strLength = 0;
  let hex = 0;
  let hexDigits = 0;
  let highSurrogate = 0;
  const num = new Uint8Array(64);
  let numLength = 0;
  let literalLeft = 0;
  const isObject = new Uint8Array(MAX_DEPTH);
  let depth = 0;
  let expectKey = false;

  const fail = (what: string): never => {
    throw new Error(`malformed JSON at byte ${offset}: ${what}`);
  };
  const push = (byte: number): void => {
    if (strLength === str.length) str = grown(str, str.length * 2);
    str[strLength++] = byte;
  };
  const pushCodePoint = (cp: number): void => {
    if (cp < 0x80) push(cp);
    else if (cp < 0x800) {
      push(0xc0 | (cp >> 6));
      push(0x80 | (cp & 63));
    } else if (cp < 0x10000) {
      push(0xe0 | (cp >> 12));
      push(0x80 | ((cp >> 6) & 63));
      push(0x80 | (cp & 63));
    } else {
      push(0xf0 | (cp >> 18));
      push(0x80 | ((cp >> 12) & 63));
      push(0x80 | ((cp >> 6) & 63));
      push(0x80 | (cp & 63));
    }
  };
  const emitNumber = (): void => {
    const value = parseJsonNumber(num, numLength);
    if (Number.isNaN(value)) fail("bad number");
    handler.number(value);
  };

  return {
    write(chunk) {
      const length = chunk.length;
      for (let i = 0; i < length; i++, offset++) {
        const c = chunk[i] as number;
        if (state === STRING) {
          if (c === 34) {
            state = VALUE;
            if (expectKey && (isObject[depth - 1] as number) === 1) {
              expectKey = false;
              handler.key(str, strLength);
            } else handler.string(str, strLength);
          } else if (c === 92) state = ESCAPE;
          else push(c);
          continue;
        }
        if (state === NUMBER) {
          if ((c >= 48 && c <= 57) || c === 46 || c === 45 || c === 43 || c === 101 || c === 69) {
            if (numLength === num.length) fail("number too long");
            num[numLength++] = c;
            continue;
          }
          state = VALUE;
          emitNumber();
        } else if (state === ESCAPE) {
          if (c === 117) {
            state = UNICODE;
            hex = 0;
            hexDigits = 0;
          } else {
            const e = ESCAPES[c];
            if (e === undefined) fail("bad escape");
            push(e as number);
            state = STRING;
          }
          continue;
        } else if (state === UNICODE) {
          const d = c <= 57 ? c - 48 : (c | 32) - 87;
          if (d < 0 || d > 15) fail("bad \\u escape");
          hex = hex * 16 + d;
          if (++hexDigits === 4) {
            state = STRING;
            if (hex >= 0xd800 && hex < 0xdc00) highSurrogate = hex;
            else if (hex >= 0xdc00 && hex < 0xe000 && highSurrogate !== 0) {
              pushCodePoint(0x10000 + ((highSurrogate - 0xd800) << 10) + (hex - 0xdc00));
              highSurrogate = 0;
            } else pushCodePoint(hex);
          }
          continue;
        } else if (state === LITERAL) {
          if (--literalLeft === 0) {
            state = VALUE;
            handler.literal();
          }
          continue;
        }
        // VALUE: between tokens.
        if (c === 34) {
          state = STRING;
          strLength = 0;
          highSurrogate = 0;
        } else if (c === 44) expectKey = depth > 0 && (isObject[depth - 1] as number) === 1;
        else if (c === 123 || c === 91) {
          if (depth === MAX_DEPTH) fail("nesting too deep");
          isObject[depth++] = c === 123 ? 1 : 0;
          expectKey = c === 123;
          handler.startContainer(c === 123);
        } else if (c === 125 || c === 93) {
          if (depth === 0 || (isObject[depth - 1] as number) !== (c === 125 ? 1 : 0))
            fail("unbalanced bracket");
          depth--;
          expectKey = false;
          handler.endContainer();
        } else if ((c >= 48 && c <= 57) || c === 45) {
          state = NUMBER;
          num[0] = c;
          numLength = 1;
        } else if (c === 116 || c === 110 || c === 102) {
          state = LITERAL;
          literalLeft = c === 102 ? 4 : 3;
        } else if (c !== 58 && c !== 32 && c !== 10 && c !== 13 && c !== 9) fail(`unexpected byte ${c}`);
      }
    },
    end() {
      if (state === NUMBER) {
        state = VALUE;
        emitNumber();
      }
      if (state !== VALUE || depth !== 0) fail("unexpected end of input");
    },
  };
}
