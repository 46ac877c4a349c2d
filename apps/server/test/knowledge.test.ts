import type { KbArticle, KbArticleSummary, TicketEvent } from '@vigie/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../src/core/actor.js';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness } from './harness.js';
import { ApiClient } from './http-client.js';

type Page<T> = { items: T[]; nextCursor: string | null };

for (const dialect of DIALECTS) {
  describe(`knowledge base (${dialect})`, () => {
    let h: Harness;
    let tech: ApiClient;
    let techB: ApiClient;
    let manager: ApiClient;
    let clientManager: ApiClient;
    let requester: ApiClient;
    let managerOfB: ApiClient;
    let clientId: string;
    let otherClientId: string;
    const ids: Record<string, string> = {};

    const login = async (email: string) => {
      const api = new ApiClient(h.baseUrl);
      expect((await api.login(email, PASSWORD)).status).toBe(200);
      return api;
    };
    const titles = async (api: ApiClient, query = '') =>
      (await api.json<Page<KbArticleSummary>>('GET', `/api/v1/kb/articles${query}`)).items.map((a) => a.title).sort();
    const write = (api: ApiClient, key: string, body: Record<string, unknown>) =>
      api.json<KbArticle>('POST', '/api/v1/kb/articles', body).then((article) => {
        ids[key] = article.id;
        return article;
      });

    beforeAll(async () => {
      h = await startHarness(dialect);
      const f = factories(h.services);
      clientId = (await f.client({ name: 'Étoile' })).id;
      otherClientId = (await f.client({ name: 'Other' })).id;
      await f.contract(clientId);
      await f.contract(otherClientId);
      const techUser = await f.user('technician');
      const techBUser = await f.user('technician');
      await h.services.teams.create(systemCtx, {
        name: 'A',
        description: null,
        memberIds: [techUser.id],
        clientIds: [clientId],
      });
      await h.services.teams.create(systemCtx, {
        name: 'B',
        description: null,
        memberIds: [techBUser.id],
        clientIds: [otherClientId],
      });
      tech = await login(techUser.email);
      techB = await login(techBUser.email);
      manager = await login((await f.user('manager')).email);
      clientManager = await login((await f.user('client_manager', clientId)).email);
      requester = await login((await f.user('requester', clientId)).email);
      managerOfB = await login((await f.user('client_manager', otherClientId)).email);

      await write(tech, 'switch', {
        title: 'Réseau lent : redémarrer le commutateur du siège',
        body: 'Quand le réseau est lent au siège, le commutateur principal sature. Le redémarrer hors production.',
        visibility: 'public',
        tags: ['réseau', 'Réseau', 'switch'],
      });
      await write(tech, 'printer', {
        title: 'Imprimante hors ligne',
        body: 'Vérifier le câble reseau et relancer le spouleur d’impression.',
        visibility: 'public',
      });
      await write(tech, 'internalA', {
        clientId,
        title: 'Mot de passe du pare-feu Étoile',
        body: 'Dans le coffre, entrée « FW-ETOILE ». Réseau du siège en 10.1.0.0/16.',
        visibility: 'internal',
      });
      await write(tech, 'publicA', {
        clientId,
        title: 'Accès Wi-Fi invité Étoile',
        body: 'Le code du Wi-Fi invité change chaque lundi.',
        visibility: 'public',
      });
      await write(techB, 'publicB', {
        clientId: otherClientId,
        title: 'Réseau lent chez Other : commutateur saturé',
        body: 'Le commutateur du réseau sature le lundi matin.',
        visibility: 'public',
      });
    });
    afterAll(async () => h?.close());

    it('lets staff write within their clients, and not client people', async () => {
      const created = await tech.json<KbArticle>('GET', `/api/v1/kb/articles/${ids.switch}`);
      expect(created).toMatchObject({ clientId: null, visibility: 'public', tags: ['réseau', 'switch'] });
      expect(created.author.name).toMatch(/^User /);
      const outOfReach = await tech.request('POST', '/api/v1/kb/articles', {
        clientId: otherClientId,
        title: 'Nope',
        body: 'x',
      });
      expect(outOfReach.status).toBe(404);
      const byClient = await clientManager.request('POST', '/api/v1/kb/articles', { title: 'Ours', body: 'x' });
      expect(byClient.status).toBe(403);
      expect(
        (await clientManager.request('PATCH', `/api/v1/kb/articles/${ids.publicA}`, { title: 'Mine' })).status,
      ).toBe(403);
      const audit = await h.db
        .selectFrom('audit_events')
        .select(['action', 'client_id'])
        .where('object_type', '=', 'kb_article')
        .where('object_id', '=', ids.internalA as string)
        .execute();
      // Internal articles are the provider's business: off the client's audit trail.
      expect(audit).toEqual([{ action: 'create', client_id: null }]);
    });

    it('shows client people the public articles of their client and provider-wide ones only', async () => {
      const forClient = [
        'Accès Wi-Fi invité Étoile',
        'Imprimante hors ligne',
        'Réseau lent : redémarrer le commutateur du siège',
      ];
      expect(await titles(clientManager)).toEqual(forClient);
      expect(await titles(requester)).toEqual(forClient);
      expect(await titles(clientManager, `?clientId=${otherClientId}`)).toEqual([]);
      expect((await clientManager.request('GET', `/api/v1/kb/articles/${ids.internalA}`)).status).toBe(404);
      expect((await managerOfB.request('GET', `/api/v1/kb/articles/${ids.publicA}`)).status).toBe(404);
      expect((await clientManager.request('GET', `/api/v1/kb/articles/${ids.publicB}`)).status).toBe(404);
      expect(await titles(managerOfB)).not.toContain('Accès Wi-Fi invité Étoile');
    });

    it('shows staff the articles of the clients they reach, internal ones included', async () => {
      expect(await titles(tech)).toEqual([
        'Accès Wi-Fi invité Étoile',
        'Imprimante hors ligne',
        'Mot de passe du pare-feu Étoile',
        'Réseau lent : redémarrer le commutateur du siège',
      ]);
      expect(await titles(tech, `?clientId=${clientId}`)).toEqual([
        'Accès Wi-Fi invité Étoile',
        'Mot de passe du pare-feu Étoile',
      ]);
      expect((await manager.json<Page<KbArticleSummary>>('GET', '/api/v1/kb/articles')).items).toHaveLength(5);
      const seen: string[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const page: Page<KbArticleSummary> = await manager.json('GET', `/api/v1/kb/articles?limit=2&cursor=${cursor}`);
        seen.push(...page.items.map((a) => a.id));
        cursor = page.nextCursor;
      }
      expect(new Set(seen).size).toBe(5);
      expect(seen[0]).toBe(ids.publicB);
      const summary = (await tech.json<Page<KbArticleSummary>>('GET', '/api/v1/kb/articles')).items.find(
        (a) => a.id === ids.switch,
      );
      expect(summary?.excerpt).toBe(
        'Quand le réseau est lent au siège, le commutateur principal sature. Le redémarrer hors production.',
      );
      expect(summary).not.toHaveProperty('body');
    });

    it('finds words with or without accents, as prefixes, every word required', async () => {
      expect(await titles(tech, '?q=reseau')).toEqual([
        'Imprimante hors ligne',
        'Mot de passe du pare-feu Étoile',
        'Réseau lent : redémarrer le commutateur du siège',
      ]);
      expect(await titles(tech, `?q=${encodeURIComponent('réseau')}`)).toEqual(await titles(tech, '?q=reseau'));
      expect(await titles(tech, `?q=${encodeURIComponent('RÉSEAU commut')}`)).toEqual([
        'Réseau lent : redémarrer le commutateur du siège',
      ]);
      expect(await titles(clientManager, '?q=reseau')).toEqual([
        'Imprimante hors ligne',
        'Réseau lent : redémarrer le commutateur du siège',
      ]);
      expect(await titles(tech, `?q=${encodeURIComponent('"reseau"*(commut) -')}`)).toEqual([
        'Réseau lent : redémarrer le commutateur du siège',
      ]);
      expect(await titles(tech, `?q=${encodeURIComponent('***')}`)).toEqual([]);
    });

    it('ranks search results best first and pages through them', async () => {
      const first = await tech.json<Page<KbArticleSummary>>('GET', '/api/v1/kb/articles?q=reseau&limit=2');
      // The title counts more than the body: the article about a slow network comes first.
      expect(first.items[0]?.id).toBe(ids.switch);
      expect(first.nextCursor).not.toBeNull();
      const second = await tech.json<Page<KbArticleSummary>>(
        'GET',
        `/api/v1/kb/articles?q=reseau&limit=2&cursor=${first.nextCursor}`,
      );
      expect(second.items).toHaveLength(1);
      expect(second.nextCursor).toBeNull();
      const ids3 = [...first.items, ...second.items].map((a) => a.id);
      expect(new Set(ids3).size).toBe(3);
    });

    it('re-indexes an edited article and forgets a deleted one', async () => {
      const edited = await tech.json<KbArticle>(
        'PATCH',
        `/api/v1/kb/articles/${ids.printer}`,
        { title: 'Imprimante : bourrage papier', body: 'Ouvrir le tiroir 2 et retirer la feuille.' },
        200,
      );
      expect(edited).toMatchObject({ title: 'Imprimante : bourrage papier', visibility: 'public' });
      expect(await titles(tech, '?q=spouleur')).toEqual([]);
      expect(await titles(tech, '?q=tiroir')).toEqual(['Imprimante : bourrage papier']);
      expect((await tech.request('DELETE', `/api/v1/kb/articles/${ids.printer}`)).status).toBe(403);
      await manager.json('DELETE', `/api/v1/kb/articles/${ids.printer}`, undefined, 204);
      expect((await tech.request('GET', `/api/v1/kb/articles/${ids.printer}`)).status).toBe(404);
      expect(await titles(tech, '?q=tiroir')).toEqual([]);
    });

    it('suggests the articles closest to a ticket, among those the caller may read', async () => {
      const ticket = await requester.json<{ id: string }>('POST', '/api/v1/tickets', {
        clientId,
        title: 'Le réseau est très lent',
        description: 'Depuis ce matin le réseau du siège est lent, le commutateur clignote.',
      });
      const staff = await tech.json<{ items: KbArticleSummary[] }>(
        'GET',
        `/api/v1/tickets/${ticket.id}/kb-suggestions`,
      );
      expect(staff.items[0]?.id).toBe(ids.switch);
      expect(staff.items.map((a) => a.id)).toContain(ids.internalA);
      // Another client's article matches the words but is not about this client.
      expect(staff.items.map((a) => a.id)).not.toContain(ids.publicB);
      expect(staff.items.length).toBeLessThanOrEqual(5);
      const own = await requester.json<{ items: KbArticleSummary[] }>(
        'GET',
        `/api/v1/tickets/${ticket.id}/kb-suggestions`,
      );
      expect(own.items.map((a) => a.id)).toEqual([ids.switch]);
      expect((await managerOfB.request('GET', `/api/v1/tickets/${ticket.id}/kb-suggestions`)).status).toBe(404);
      expect((await techB.request('GET', `/api/v1/tickets/${ticket.id}/kb-suggestions`)).status).toBe(404);
    });

    it('publishes a ticket’s solution as a provider-wide article when the ticket is resolved', async () => {
      const ticket = await tech.json<{ id: string; reference: string }>('POST', '/api/v1/tickets', {
        clientId,
        title: 'Outlook ne démarre plus',
        description: 'Écran blanc au lancement',
      });
      await tech.json('POST', `/api/v1/tickets/${ticket.id}/take`, undefined, 200);
      await tech.json(
        'POST',
        `/api/v1/tickets/${ticket.id}/resolve`,
        {
          kind: 'solution',
          text: 'Démarrer Outlook en mode sans échec, désactiver le complément PDF.',
          publishArticle: 'public',
        },
        200,
      );
      const events = await tech.json<Page<TicketEvent>>('GET', `/api/v1/tickets/${ticket.id}/events?limit=100`);
      const articleId = events.items.find((e) => e.kind === 'link')?.data.articleId as string;
      const article = await tech.json<KbArticle>('GET', `/api/v1/kb/articles/${articleId}`);
      expect(article).toMatchObject({
        clientId: null,
        title: 'Outlook ne démarre plus',
        visibility: 'public',
        sourceTicket: { id: ticket.id, reference: ticket.reference },
      });
      expect(article.body).toContain('mode sans échec');
      expect(await titles(tech, `?q=${encodeURIComponent('complément outlook')}`)).toEqual(['Outlook ne démarre plus']);
      // The client whose ticket it was sees where it came from; another client sees the article only.
      expect((await clientManager.json<KbArticle>('GET', `/api/v1/kb/articles/${articleId}`)).sourceTicket?.id).toBe(
        ticket.id,
      );
      expect((await requester.json<KbArticle>('GET', `/api/v1/kb/articles/${articleId}`)).sourceTicket).toBeNull();
      const seenByB = await managerOfB.json<KbArticle>('GET', `/api/v1/kb/articles/${articleId}`);
      expect(seenByB.sourceTicket).toBeNull();
      expect(JSON.stringify(seenByB)).not.toContain(ticket.id);
    });
  });
}
