import { Session } from "node:inspector/promises";
import type { AllocationSite } from "./results-types.js";

/** The JSON Chrome DevTools opens as a `.heapprofile` (HeapProfiler.SamplingHeapProfile). */
export type SamplingHeapProfile = {
  readonly head: ProfileNode;
  readonly samples: readonly { readonly size: number; readonly nodeId: number; readonly ordinal: number }[];
};
type ProfileNode = {
  readonly id: number;
  readonly selfSize: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
    readonly columnNumber: number;
  };
  readonly children: readonly ProfileNode[];
};

/** Bytes between samples: small enough to see our few-hundred-byte result objects. */
const SAMPLING_INTERVAL = 256;

/**
 * Runs `fn` `times` times under V8's sampling heap profiler (including objects later collected by GC) and
 * returns the profile plus an estimate of allocations per call: each sampled object of size s stands for
 * about interval/s objects (Horvitz–Thompson), so the estimate is unbiased but only as exact as the sample.
 */
export async function sampleHeap(
  fn: () => unknown,
  times: number,
): Promise<{ profile: SamplingHeapProfile; allocationsPerCall: number }> {
  const session = new Session();
  session.connect();
  try {
    await session.post("HeapProfiler.startSampling", {
      samplingInterval: SAMPLING_INTERVAL,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
    for (let i = 0; i < times; i++) fn();
    const { profile } = (await session.post("HeapProfiler.stopSampling")) as unknown as {
      profile: SamplingHeapProfile;
    };
    let count = 0;
    for (const s of profile.samples) count += Math.max(1, SAMPLING_INTERVAL / Math.max(1, s.size));
    return { profile, allocationsPerCall: count / times };
  } finally {
    session.disconnect();
  }
}

/** The `limit` call sites with the most sampled bytes, as `function file:line:col`. */
export function topAllocationSites(profile: SamplingHeapProfile, limit: number): AllocationSite[] {
  const bytes = new Map<string, number>();
  let total = 0;
  const stack: ProfileNode[] = [profile.head];
  while (stack.length > 0) {
    const node = stack.pop() as ProfileNode;
    if (node.selfSize > 0) {
      const f = node.callFrame;
      const file =
        f.url === "" ? "(native)" : f.url.replace(/^file:\/\//, "").replace(`${process.cwd()}/`, "");
      const site = `${f.functionName || "(anonymous)"} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
      bytes.set(site, (bytes.get(site) ?? 0) + node.selfSize);
      total += node.selfSize;
    }
    stack.push(...node.children);
  }
  return [...bytes.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([site, b]) => ({ site, bytes: b, share: total > 0 ? b / total : 0 }));
}
