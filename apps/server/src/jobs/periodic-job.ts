/**
 * A duty the server runs every few seconds (SLA milestones, scheduled reports, mail re-processing): `tick()` runs one
 * pass — concurrent calls share the pass in flight, so passes never overlap in one process — `start` repeats it,
 * `stop` waits for the pass in flight. Across processes each job's own claims keep the work apart.
 */
export abstract class PeriodicJob<Result> {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<Result> | null = null;

  constructor(protected onError: (error: unknown) => void = () => {}) {}

  /** Where a failed pass is reported, when the job was built before the logger existed. */
  useErrorLog(log: (error: unknown) => void): void {
    this.onError = log;
  }

  protected abstract pass(): Promise<Result>;

  tick(): Promise<Result> {
    if (!this.running) {
      this.running = this.pass().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  start(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.tick().catch(this.onError);
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }
}
