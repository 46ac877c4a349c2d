import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../src/db/connection.js';
import {
  documentOf,
  foldText,
  indexDocument,
  matchesQuery,
  matchingRows,
  queryWords,
  removeDocument,
} from '../src/db/full-text.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './databases.js';

describe('full-text words', () => {
  it('folds case, accents and ligatures the same way for documents and queries', () => {
    expect(foldText('Réseau ÉTÉ ça Œuvre «guillemets»')).toBe('reseau ete ca oeuvre «guillemets»');
    expect(queryWords('  Réseau, réseau; "imprimante"* OR -x 192.168.1.1 ')).toEqual([
      'reseau',
      'imprimante',
      'or',
      'x',
      '192',
      '168',
      '1',
    ]);
    expect(queryWords('*** "" ()')).toEqual([]);
    expect(documentOf("L'imprimante du 2e étage : hors-ligne!")).toBe('l imprimante du 2e etage hors ligne');
  });
});

for (const dialect of DIALECTS) {
  describe(`full-text search (${dialect})`, () => {
    let testDb: TestDatabase;
    let db: Db;

    const search = async (query: string, mode: 'all' | 'any' = 'all') =>
      (await matchingRows(db, 'kb_fts', query, mode).orderBy('score', 'desc').orderBy('rowid').execute()).map(
        (r) => r.rowid,
      );

    beforeAll(async () => {
      testDb = await createTestDatabase(dialect);
      db = openDatabase(testDb.database);
      await migrateToLatest(db);
      await indexDocument(db, 'kb_fts', 1, 'Panne réseau au siège : le commutateur du 2e étage redémarre');
      await indexDocument(db, 'kb_fts', 2, 'Reseau Wi-Fi invité : changer le mot de passe');
      await indexDocument(db, 'kb_fts', 3, 'Imprimante bourrage papier, tiroir 2');
      await indexDocument(db, 'kb_fts', 4, 'Œuvre complète : sauvegarde NAS (192.168.1.10)');
    });
    afterAll(async () => {
      await db?.destroy();
      await testDb?.drop();
    });

    it('finds accented words without accents, and the reverse', async () => {
      expect(await search('reseau')).toEqual(expect.arrayContaining([1, 2]));
      expect((await search('réseau')).sort()).toEqual([1, 2]);
      expect(await search('RÉSEAU SIÈGE')).toEqual([1]);
      expect(await search('etage')).toEqual([1]);
      expect(await search('oeuvre')).toEqual([4]);
      expect(await search('œuvre')).toEqual([4]);
    });

    it('matches each word as a prefix and requires them all', async () => {
      expect(await search('impri bourr')).toEqual([3]);
      expect(await search('imprimante reseau')).toEqual([]);
      expect(await search('192.168.1')).toEqual([4]);
      expect(await search('wi fi')).toEqual([2]);
    });

    it('treats query syntax as plain words and an empty query as matching nothing', async () => {
      expect(await search('reseau OR imprimante')).toEqual([]);
      expect(await search('"reseau" -wifi NEAR(x) * : & | !')).toEqual([]);
      expect(await search('***')).toEqual([]);
      expect(await search('')).toEqual([]);
      expect(await search("') or 1=1 --")).toEqual([]);
    });

    it('ranks any-word matches by how many words they share', async () => {
      const ranked = await search('reseau commutateur siege imprimante', 'any');
      expect(ranked[0]).toBe(1);
      expect(ranked).toEqual(expect.arrayContaining([1, 2, 3]));
      expect(ranked).not.toContain(4);
    });

    it('replaces and removes documents', async () => {
      await indexDocument(db, 'kb_fts', 3, 'Imprimante remplacée par un modèle laser');
      expect(await search('bourrage')).toEqual([]);
      expect(await search('laser')).toEqual([3]);
      await removeDocument(db, 'kb_fts', 3);
      expect(await search('laser')).toEqual([]);
      await removeDocument(db, 'kb_fts', 3);
    });

    it('filters another table through matchesQuery', async () => {
      await indexDocument(db, 'ticket_fts', 7, 'Le réseau est lent');
      await indexDocument(db, 'ticket_fts', 8, 'Écran noir');
      const rows = await db
        .selectFrom('ticket_fts')
        .select('rowid')
        .where((eb) => matchesQuery(db, 'ticket_fts', eb.ref('rowid'), 'reseau lent'))
        .execute();
      expect(rows.map((r) => Number(r.rowid))).toEqual([7]);
    });
  });
}
