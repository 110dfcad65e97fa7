import { describe, expect, it } from "vitest";
import { createJsonTokenizer } from "./json-tokenizer.js";

/** Rebuilds a JSON value from the token stream, to compare with JSON.parse. */
function parseStreaming(text: string, chunkBytes: number): unknown {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  const stack: Array<{ value: unknown[] | Record<string, unknown>; key: string | null }> = [];
  let root: unknown;
  const put = (value: unknown): void => {
    const top = stack[stack.length - 1];
    if (top === undefined) root = value;
    else if (Array.isArray(top.value)) top.value.push(value);
    else top.value[top.key as string] = value;
  };
  let literal = 0;
  const literals = [true, false, null];
  const tokenizer = createJsonTokenizer({
    startContainer(isObject) {
      const value = isObject ? {} : [];
      put(value);
      stack.push({ value, key: null });
    },
    endContainer() {
      stack.pop();
    },
    key(b, n) {
      (stack[stack.length - 1] as { key: string | null }).key = decoder.decode(b.subarray(0, n));
    },
    string(b, n) {
      put(decoder.decode(b.subarray(0, n)));
    },
    number: put,
    literal() {
      put(literals[literal++]);
    },
  });
  for (let at = 0; at < bytes.length; at += chunkBytes) tokenizer.write(bytes.subarray(at, at + chunkBytes));
  tokenizer.end();
  return root;
}

const DOC = JSON.stringify({
  size: 3,
  words: ["the", '"', "\\", "café", "日本", "😀", "tab\there"],
  vectors: { the: [-0.038194, 1e-5, 2.5e3, -0, 12345678901234568, 0.1, 5.821154, 0], "c++": [1, -2.5] },
  flags: [true, false, null],
  nested: [[], {}, [{ a: [] }]],
});

describe("createJsonTokenizer", () => {
  it.each([1, 2, 3, 7, 64, 1 << 20])("matches JSON.parse when fed %i-byte chunks", (chunkBytes) => {
    expect(parseStreaming(DOC, chunkBytes)).toEqual(JSON.parse(DOC));
    expect(parseStreaming(' [1.5, -2, "\\u00e9\\ud83d\\ude00"] ', chunkBytes)).toEqual([1.5, -2, "é😀"]);
  });

  it("parses numbers exactly like JSON.parse", () => {
    const numbers = [0.1, -0.038194, 5.70402496, 1e-7, 123.456e2, 0.30000000000000004, -1.5e300, 7509];
    expect(parseStreaming(JSON.stringify(numbers), 5)).toEqual(numbers);
  });

  it("rejects unbalanced brackets and truncated input with the byte offset", () => {
    expect(() => parseStreaming('{"a":[1,2}', 4)).toThrow(/byte 9/);
    expect(() => parseStreaming('{"a":"bc', 4)).toThrow(/unexpected end/);
    expect(() => parseStreaming('{"a":@}', 4)).toThrow(/unexpected byte/);
  });
});
