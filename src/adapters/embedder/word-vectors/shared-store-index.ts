/**
 * One copy of a word store's index per process: loadStore reads the header, index and words into
 * SharedArrayBuffers and lists them here, and worker threads adopt the list from their workerData, so a
 * pool of N threads holds one 7.7 MB index instead of N + 1. Rows stay on disk (one positioned read each).
 */

/** The shared parts of one loaded store file, valid while the file keeps this identity. */
export type SharedStoreIndex = {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
  readonly header: Uint8Array;
  readonly index: Uint8Array;
  readonly blob: Uint8Array;
};

type Entry = { readonly shared: SharedStoreIndex; users: number; readonly pinned: boolean };
const registry = new Map<string, Entry>();

/** A SharedArrayBuffer-backed byte array, 4-aligned for the typed-array views over it. */
export function sharedBytes(length: number): Uint8Array {
  return new Uint8Array(new SharedArrayBuffer(length));
}

/** The shared index of `path` when it was loaded from the same file (size, mtime, inode), counted as one more user. */
export function acquireSharedIndex(
  path: string,
  identity: { readonly size: number; readonly mtimeMs: number; readonly ino: number },
): SharedStoreIndex | undefined {
  const entry = registry.get(path);
  if (entry === undefined) return undefined;
  const s = entry.shared;
  if (s.size !== identity.size || s.mtimeMs !== identity.mtimeMs || s.ino !== identity.ino) return undefined;
  entry.users++;
  return s;
}

/** Lists a freshly loaded index, with one user. */
export function registerSharedIndex(shared: SharedStoreIndex): void {
  registry.set(shared.path, { shared, users: 1, pinned: false });
}

/** One user fewer; the last one (of an index this thread loaded itself) drops it from the list. */
export function releaseSharedIndex(shared: SharedStoreIndex): void {
  const entry = registry.get(shared.path);
  if (entry === undefined || entry.shared !== shared) return;
  entry.users--;
  if (entry.users <= 0 && !entry.pinned) registry.delete(shared.path);
}

/** Every index in use in this thread: structured-cloneable (the buffers are shared, not copied). */
export function sharedStoreIndexes(): SharedStoreIndex[] {
  return [...registry.values()].map((e) => e.shared);
}

/** In a worker thread: makes the parent's indexes available to loadStore, for the thread's lifetime. */
export function adoptSharedStoreIndexes(list: readonly SharedStoreIndex[] | undefined): void {
  for (const shared of list ?? []) registry.set(shared.path, { shared, users: 0, pinned: true });
}
