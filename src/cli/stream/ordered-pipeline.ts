/**
 * Runs `work` over the items of `source` with at most `maxInFlight` calls pending, and hands the results
 * to `sink` in input order. The source is not pulled while the window is full, which is what bounds memory.
 */
export async function orderedPipeline<T, R>(
  source: AsyncIterable<T>,
  work: (item: T) => Promise<R>,
  maxInFlight: number,
  sink: (result: R, item: T) => Promise<void>,
): Promise<void> {
  const window: { item: T; promise: Promise<R> }[] = [];
  const flushOne = async (): Promise<void> => {
    const head = window.shift();
    if (head !== undefined) await sink(await head.promise, head.item);
  };
  try {
    for await (const item of source) {
      const promise = work(item);
      // Rejections are awaited in order by flushOne; this only stops "unhandled" reports meanwhile.
      promise.catch(() => {});
      window.push({ item, promise });
      while (window.length >= maxInFlight) await flushOne();
    }
    while (window.length > 0) await flushOne();
  } finally {
    window.length = 0;
  }
}
