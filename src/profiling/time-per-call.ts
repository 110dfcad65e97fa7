/** Mean wall time of `fn` in milliseconds over at least `minCalls` calls and about `budgetMs` of time. */
export function timePerCall(fn: () => unknown, budgetMs: number, minCalls = 3): number {
  let calls = 0;
  const start = performance.now();
  let now = start;
  while (calls < minCalls || now - start < budgetMs) {
    fn();
    calls++;
    now = performance.now();
  }
  return (now - start) / calls;
}
