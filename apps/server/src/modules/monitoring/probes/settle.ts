/**
 * A promise settled once, with a deadline: the probes race a network event against their timeout, and whichever
 * comes first wins while the other is ignored. `cleanup` runs exactly once, whoever settles.
 */
export function settleOnce<T>(
  timeoutMs: number,
  onTimeout: () => T,
  start: (settle: (value: T) => void) => (() => void) | undefined,
): Promise<T> {
  return new Promise<T>((resolve) => {
    let done = false;
    let cleanup: (() => void) | undefined;
    const settle = (value: T) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      cleanup?.();
      resolve(value);
    };
    const timer = setTimeout(() => settle(onTimeout()), timeoutMs);
    cleanup = start(settle);
    if (done) cleanup?.();
  });
}
