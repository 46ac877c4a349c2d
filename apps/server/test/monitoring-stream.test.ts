/**
 * The live board's event stream (server-sent events): a viewer receives the changes of the clients they may see,
 * as they happen, and nothing of another client's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../src/core/actor.js';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness } from './harness.js';
import { ApiClient } from './http-client.js';
import { enrollFakeAgent, pluginResult } from './monitoring-agent-api.js';

for (const dialect of DIALECTS) {
  describe(`the live board stream (${dialect})`, () => {
    let h: Harness;

    beforeAll(async () => {
      h = await startHarness(dialect);
    });

    afterAll(async () => {
      await h?.close();
    });

    it("streams a client's alert to its manager and not another client's", async () => {
      const f = factories(h.services);
      const mine = (await f.client()).id;
      const theirs = (await f.client()).id;
      await f.contract(mine);
      await f.contract(theirs);
      const viewer = new ApiClient(h.baseUrl);
      await viewer.login((await f.user('client_manager', mine)).email, PASSWORD);
      const response = await viewer.request('GET', '/api/v1/monitoring/stream');
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let text = '';
      const readUntil = async (needle: string) => {
        while (!text.includes(needle)) {
          const { value, done } = await reader.read();
          if (done) throw new Error('the stream ended');
          text += decoder.decode(value);
        }
      };
      await readUntil(': connected');
      const raise = async (clientId: string, host: string) => {
        const agent = await enrollFakeAgent(h, clientId, host);
        const check = await h.services.monitoring.checks.create(systemCtx, {
          assetId: agent.assetId,
          name: `Disk ${host}`,
          config: { kind: 'plugin', command: ['/bin/false'] },
          maxAttempts: 1,
        });
        await agent.send([pluginResult(check.id, 2, `full on ${host}`, h.clock.now())]);
      };
      await raise(theirs, 'their-server');
      await raise(mine, 'my-server');
      await readUntil('my-server');
      await reader.cancel();
      expect(text).toMatch(/event: alert\ndata: \{"type":"alert","alert":\{/);
      expect(text).not.toContain('their-server');
    });
  });
}
