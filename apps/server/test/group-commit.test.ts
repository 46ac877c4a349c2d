/**
 * Group commit (the SQLite ingest path): concurrent units share one transaction, each in its own savepoint — a unit
 * that fails is rolled back alone, the others are committed, and nobody hears "done" before the commit.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroupCommit } from '../src/modules/monitoring/agent/group-commit.js';
import { DIALECTS } from './databases.js';
import { type Harness, startHarness } from './harness.js';

for (const dialect of DIALECTS) {
  describe(`group commit (${dialect})`, () => {
    let h: Harness;

    beforeAll(async () => {
      h = await startHarness(dialect);
    });

    afterAll(async () => {
      await h?.close();
    });

    it('commits the units that succeed together and rolls back the one that fails alone', async () => {
      const group = new GroupCommit(h.db);
      const write = (name: string, fail = false) =>
        group.run(async (trx) => {
          await trx.insertInto('counters').values({ name, value: 1 }).execute();
          if (fail) throw new Error(`unit ${name} failed`);
          return name;
        });
      const outcomes = await Promise.allSettled([
        write('gc-a'),
        write('gc-b'),
        write('gc-c', true),
        write('gc-d'),
        write('gc-e'),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      const names = await h.db
        .selectFrom('counters')
        .select('name')
        .where('name', 'like', 'gc-%')
        .orderBy('name')
        .execute();
      expect(names.map((n) => n.name)).toEqual(['gc-a', 'gc-b', 'gc-d', 'gc-e']);
    });

    it('answers only once the shared transaction is committed', async () => {
      const group = new GroupCommit(h.db);
      const seen: string[] = [];
      await Promise.all(
        ['gc-x', 'gc-y'].map((name) =>
          group
            .run(async (trx) => {
              await sql`insert into counters (name, value) values (${name}, 1)`.execute(trx);
              return name;
            })
            .then(async (name) => {
              // Read through the pool, outside the transaction: the row is there when the caller hears about it.
              const row = await h.db.selectFrom('counters').select('name').where('name', '=', name).executeTakeFirst();
              seen.push(row?.name ?? 'missing');
            }),
        ),
      );
      expect(seen.sort()).toEqual(['gc-x', 'gc-y']);
    });
  });
}
