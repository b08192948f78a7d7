// A task that runs once at a time (reading the previous recommendations again): a call while it runs
// asks for one more run after it, shared by every call meanwhile, so that a burst of changes (a
// checkout touching many files, a setting and a file at once) costs two runs, not one per change.

/** The task wrapped: each call resolves after a run that started after the call. */
export function coalesced(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const run = (): Promise<void> => {
    if (!running) {
      running = task().finally(() => {
        running = undefined;
      });
      return running;
    }
    const again = () => {
      queued = undefined;
      return run();
    };
    queued ??= running.then(again, again);
    return queued;
  };
  return run;
}
