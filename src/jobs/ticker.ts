// Runs a pass of background work now and then every interval, never two passes at once in this process.
export interface Ticker<T> {
  /** Runs a pass now, or returns the pass already running. */
  tick(): Promise<T>;
  /** No further passes; resolves when the running one is done. */
  stop(): Promise<void>;
}

export function startTicker<T>(pass: () => Promise<T>, intervalMs: number, idle: T): Ticker<T> {
  let running: Promise<T> = Promise.resolve(idle);
  let busy = false;
  let stopped = false;
  const tick = (): Promise<T> => {
    if (busy || stopped) return running;
    busy = true;
    running = pass().finally(() => {
      busy = false;
    });
    return running;
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return {
    tick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
