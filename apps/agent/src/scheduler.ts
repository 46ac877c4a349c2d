/** setTimeout's ceiling (about 24.8 days): a longer interval would fire at once. */
const MAX_DELAY_MS = 2_147_483_647;

interface Task {
  signature: string;
  timer: NodeJS.Timeout | null;
  stopped: boolean;
}

/**
 * Runs named tasks at their own intervals: at once, then each interval after the previous run ended (a slow run never
 * overlaps the next). Setting a task with the same signature keeps its rhythm; a new signature restarts it — so a
 * config push only disturbs what changed.
 */
export class Scheduler {
  private readonly tasks = new Map<string, Task>();

  set(name: string, intervalMs: number, signature: string, run: () => Promise<void>): void {
    const existing = this.tasks.get(name);
    if (existing && existing.signature === signature) return;
    this.delete(name);
    const task: Task = { signature, timer: null, stopped: false };
    this.tasks.set(name, task);
    const tick = async () => {
      await run();
      if (!task.stopped) task.timer = setTimeout(tick, Math.min(Math.max(intervalMs, 100), MAX_DELAY_MS));
    };
    task.timer = setTimeout(tick, 0);
  }

  /** Stops tasks whose names are not in `keep` (a plugin removed from the config). */
  retain(keep: (name: string) => boolean): void {
    for (const name of [...this.tasks.keys()]) if (!keep(name)) this.delete(name);
  }

  delete(name: string): void {
    const task = this.tasks.get(name);
    if (!task) return;
    task.stopped = true;
    if (task.timer) clearTimeout(task.timer);
    this.tasks.delete(name);
  }

  stopAll(): void {
    for (const name of [...this.tasks.keys()]) this.delete(name);
  }
}
