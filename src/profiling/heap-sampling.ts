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

/**
 * One byte between samples: V8's allocation observer then fires on every heap allocation, so the profile is a
 * count, not an estimate. (Objects TurboFan folds into one allocation are one event, and so one count.)
 */
const SAMPLING_INTERVAL = 1;

/**
 * Runs `fn` `times` times under V8's sampling heap profiler at interval 1 (objects later collected by GC
 * included) and counts the heap allocations and their bytes per call. The returned profile keeps the call
 * tree with exact bytes per site but drops the per-object sample list (it grows by one entry per object).
 * Off-heap ArrayBuffer backing stores are not heap objects: their wrappers are counted, their bytes are not.
 */
export async function countAllocations(
  fn: () => unknown,
  times: number,
): Promise<{ profile: SamplingHeapProfile; allocationsPerCall: number; heapBytesPerCall: number }> {
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
    let bytes = 0;
    for (const s of profile.samples) bytes += s.size;
    return {
      profile: { head: profile.head, samples: [] },
      allocationsPerCall: profile.samples.length / times,
      heapBytesPerCall: bytes / times,
    };
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
