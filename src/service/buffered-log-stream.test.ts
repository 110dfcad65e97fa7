import { afterEach, describe, expect, it, vi } from "vitest";
import { createBufferedLogStream } from "./buffered-log-stream.js";

const sink = () => {
  const writes: string[] = [];
  return {
    writes,
    target: { write: (text: string) => writes.push(text) > 0 } as unknown as NodeJS.WritableStream,
  };
};

describe("createBufferedLogStream", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("holds lines until the buffer reaches minBytes, then writes them as one chunk", () => {
    const { writes, target } = sink();
    const logs = createBufferedLogStream(target, 10, 1_000);
    logs.write("abcd\n");
    expect(writes).toEqual([]);
    logs.write("efgh\n");
    expect(writes).toEqual(["abcd\nefgh\n"]);
  });

  it("writes a partial buffer after maxDelayMs", () => {
    vi.useFakeTimers();
    const { writes, target } = sink();
    const logs = createBufferedLogStream(target, 4_096, 100);
    logs.write("one\n");
    vi.advanceTimersByTime(99);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(writes).toEqual(["one\n"]);
  });

  it("flush() writes everything pending at once and nothing when empty", () => {
    vi.useFakeTimers();
    const { writes, target } = sink();
    const logs = createBufferedLogStream(target, 4_096, 100);
    logs.write("one\n");
    logs.write("two\n");
    logs.flush();
    logs.flush();
    vi.advanceTimersByTime(1_000);
    expect(writes).toEqual(["one\ntwo\n"]);
  });
});
