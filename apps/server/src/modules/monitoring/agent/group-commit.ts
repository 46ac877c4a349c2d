import { sql } from 'kysely';
import type { Db } from '../../../db/connection.js';

interface Unit {
  work: (trx: Db) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for SQLite, whose one connection runs one transaction at a time anyway: units of work that arrive
 * while a transaction runs wait and go together into the next one, each in its own savepoint. A unit that fails
 * is rolled back alone; every unit's answer is given only after the shared commit (so "acknowledged" still means
 * "committed"). The commit — most of an agent batch's cost — is then paid once per group instead of once per batch.
 */
export class GroupCommit {
  private readonly queue: Unit[] = [];
  private busy = false;

  constructor(
    private readonly db: Db,
    private readonly maxUnits = 64,
  ) {}

  run<T>(work: (trx: Db) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.next();
    });
  }

  private next(): void {
    if (this.busy || this.queue.length === 0) return;
    this.busy = true;
    const units = this.queue.splice(0, this.maxUnits);
    void this.commit(units).finally(() => {
      this.busy = false;
      this.next();
    });
  }

  private async commit(units: Unit[]): Promise<void> {
    const settled: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const unit of units) {
          await sql`savepoint unit`.execute(trx);
          try {
            const value = await unit.work(trx);
            await sql`release savepoint unit`.execute(trx);
            settled.push({ ok: true, value });
          } catch (error) {
            await sql`rollback to savepoint unit`.execute(trx);
            await sql`release savepoint unit`.execute(trx);
            settled.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const unit of units) unit.reject(error);
      return;
    }
    units.forEach((unit, i) => {
      const outcome = settled[i];
      if (outcome?.ok) unit.resolve(outcome.value);
      else unit.reject(outcome?.error);
    });
  }
}
