import type { KbArticleSummary } from '@vigie/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../src/core/actor.js';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness } from './harness.js';
import { ApiClient } from './http-client.js';

for (const dialect of DIALECTS) {
  describe(`knowledge-base suggestions while a ticket is typed in the portal (${dialect})`, () => {
    let h: Harness;
    let clientId: string;
    let otherClientId: string;
    let requester: ApiClient;
    const titles = {
      ours: 'Imprimante bloquée : purger la file d’attente',
      internal: 'Imprimante : mot de passe du compte de service',
      providerWide: 'Imprimantes réseau : réinstaller le pilote',
      theirs: 'Imprimante de l’autre client',
    };

    beforeAll(async () => {
      h = await startHarness(dialect);
      const f = factories(h.services);
      clientId = (await f.client()).id;
      otherClientId = (await f.client()).id;
      const write = (client: string | null, title: string, visibility: 'public' | 'internal') =>
        h.services.knowledge.create(systemCtx, {
          clientId: client,
          title,
          body: `${title}. Procédure pas à pas.`,
          visibility,
          tags: [],
        });
      await write(clientId, titles.ours, 'public');
      await write(clientId, titles.internal, 'internal');
      await write(null, titles.providerWide, 'public');
      await write(otherClientId, titles.theirs, 'public');
      const user = await f.user('requester', clientId);
      requester = new ApiClient(h.baseUrl);
      expect((await requester.login(user.email, PASSWORD)).status).toBe(200);
    });
    afterAll(async () => h?.close());

    const suggest = (client: string, text: string) =>
      requester.request('GET', `/api/v1/kb/suggestions?clientId=${client}&text=${encodeURIComponent(text)}`);

    it('offers the public articles of the client and the provider-wide ones, never internal or another client’s', async () => {
      const response = await suggest(clientId, 'Mon imprimante ne sort plus rien');
      expect(response.status).toBe(200);
      const { items } = (await response.json()) as { items: KbArticleSummary[] };
      expect(items.map((a) => a.title).sort()).toEqual([titles.ours, titles.providerWide].sort());
    });

    it('answers nothing for words that say nothing, and not found for another client', async () => {
      const empty = (await (await suggest(clientId, 'bonjour merci')).json()) as { items: unknown[] };
      expect(empty.items).toEqual([]);
      expect((await suggest(otherClientId, 'imprimante')).status).toBe(404);
      // no text yet: nothing to suggest, but another client is still out of reach
      const none = await requester.request('GET', `/api/v1/kb/suggestions?clientId=${clientId}`);
      expect(((await none.json()) as { items: unknown[] }).items).toEqual([]);
      expect((await requester.request('GET', `/api/v1/kb/suggestions?clientId=${otherClientId}`)).status).toBe(404);
    });
  });
}
