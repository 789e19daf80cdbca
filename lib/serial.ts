// One task at a time: each starts once the one before it has settled (kept or failed), in call
// order. For work that events can start together: storage writes, script registration, the
// content script's calls to the page's own endpoints.

export type SerialQueue = <T>(task: () => Promise<T>) => Promise<T>;

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const next = tail.then(task, task);
    // A failed task is its caller's to handle; the next one still runs.
    tail = next.catch(() => undefined);
    return next;
  };
}
