/**
 * The IMAP poller against a real IMAP server (Dovecot from Debian's packages, started by the test): unseen messages
 * go through the intake path, are flagged \Seen only once stored, and a second delivery of a message is one ticket.
 * When the database cannot store a message, it stays unseen for the next pass.
 */
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/connection.js';
import { buildServices } from '../src/http/services.js';
import { ImapPoller, imapTargetOf } from '../src/modules/mail/intake/imap-poller.js';
import { DIALECTS } from './databases.js';
import { factories } from './factories.js';
import { type Harness, startHarness, TEST_AUTH } from './harness.js';
import { dovecotAvailable, type ImapServer, startImapServer } from './imap-server.js';
import { message } from './smtp-client.js';

const describeImap = dovecotAvailable() ? describe : describe.skip;
if (!dovecotAvailable()) {
  console.warn(
    'IMAP poller tests skipped: /usr/sbin/dovecot is missing (apt-get install dovecot-imapd; .ci/run does it)',
  );
}

describeImap('IMAP poller against Dovecot', () => {
  let imap: ImapServer;

  beforeAll(async () => {
    imap = await startImapServer();
  }, 20_000);

  afterAll(async () => {
    await imap?.stop();
  });

  async function mailbox<T>(work: (client: ImapFlow) => Promise<T>): Promise<T> {
    const client = new ImapFlow({
      host: imap.host,
      port: imap.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: imap.user, pass: imap.password },
      logger: false,
    });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.logout();
    }
  }

  const unseen = () =>
    mailbox(async (c) => {
      const lock = await c.getMailboxLock('INBOX');
      try {
        return ((await c.search({ seen: false }, { uid: true })) || []).length;
      } finally {
        lock.release();
      }
    });

  /** The harness's message limit (TEST settings): a larger message is not downloaded. */
  const LIMIT = 25 * 1024 * 1024;

  for (const dialect of DIALECTS) {
    describe(dialect, () => {
      let h: Harness;
      let clientId: string;

      beforeAll(async () => {
        h = await startHarness(dialect);
        const f = factories(h.services);
        const client = await f.client();
        clientId = client.id;
        await f.contract(clientId);
        await f.contact(clientId, { email: `imap.${dialect}@example.test` });
      });

      afterAll(async () => {
        await h?.close();
      });

      it('takes unseen messages through intake, flags them seen, and makes one ticket of a message delivered twice', async () => {
        const from = `imap.${dialect}@example.test`;
        const first = message({ from, subject: `Par IMAP ${dialect}`, messageId: `<imap.1.${dialect}@example.test>` });
        const second = message({ from, subject: `Autre ${dialect}`, messageId: `<imap.2.${dialect}@example.test>` });
        await mailbox(async (c) => {
          await c.append('INBOX', first);
          await c.append('INBOX', first);
          await c.append('INBOX', second);
        });
        expect(await unseen()).toBe(3);
        const poller = new ImapPoller(h.services.mailIntake, imapTargetOf(imap.url), LIMIT);
        expect(await poller.pollOnce()).toBe(3);
        await h.services.mailIntake.drain();
        expect(await unseen()).toBe(0);
        const tickets = await h.db
          .selectFrom('tickets')
          .select(['title', 'source'])
          .where('client_id', '=', clientId)
          .orderBy('title')
          .execute();
        expect(tickets).toEqual([
          { title: `Autre ${dialect}`, source: 'email' },
          { title: `Par IMAP ${dialect}`, source: 'email' },
        ]);
        const channels = await h.db
          .selectFrom('mail_messages')
          .select('channel')
          .where('message_id', 'in', [`imap.1.${dialect}@example.test`, `imap.2.${dialect}@example.test`])
          .execute();
        expect(channels.map((c) => c.channel)).toEqual(['imap', 'imap']);
        expect(await poller.pollOnce()).toBe(0);
      });

      it('does not download a message over the limit: its headers are kept and the sender gets the size refusal', async () => {
        const from = `imap.${dialect}@example.test`;
        const big = message({ from, subject: `Énorme ${dialect}`, messageId: `<imap.big.${dialect}@example.test>` });
        await mailbox((c) => c.append('INBOX', `${big}\r\n${'x'.repeat(4000)}\r\n`));
        const small = new ImapPoller(h.services.mailIntake, imapTargetOf(imap.url), 2000);
        expect(await small.pollOnce()).toBe(1);
        await h.services.mailIntake.drain();
        expect(await unseen()).toBe(0);
        const stored = await h.db
          .selectFrom('mail_messages')
          .innerJoin('mail_sources', 'mail_sources.mail_id', 'mail_messages.id')
          .select(['status', 'kind', 'size_bytes', 'mail_sources.raw'])
          .where('message_id', '=', `imap.big.${dialect}@example.test`)
          .executeTakeFirstOrThrow();
        expect(stored).toMatchObject({ status: 'ignored', kind: 'refused' });
        expect(stored.size_bytes).toBeGreaterThan(4000);
        expect(stored.raw.byteLength).toBeLessThan(2000);
        const bounce = await h.db
          .selectFrom('mail_messages')
          .select('recipient')
          .where('kind', '=', 'bounce')
          .where('in_reply_to', '=', `imap.big.${dialect}@example.test`)
          .executeTakeFirstOrThrow();
        expect(bounce.recipient).toBe(from);
      });

      it('leaves a message unseen when the database cannot store it, and takes it on the next pass', async () => {
        await mailbox((c) =>
          c.append('INBOX', message({ from: `imap.${dialect}@example.test`, subject: `Panne ${dialect}` })),
        );
        const broken = openDatabase(
          dialect === 'sqlite'
            ? { kind: 'sqlite', file: '/nonexistent-dir/vigie-down.sqlite' }
            : { kind: 'postgres', url: 'postgres://postgres@127.0.0.1:1/unreachable' },
        );
        const down = new ImapPoller(
          buildServices(broken, h.clock, TEST_AUTH).mailIntake,
          imapTargetOf(imap.url),
          LIMIT,
        );
        await expect(down.pollOnce()).rejects.toThrow();
        await broken.destroy().catch(() => {});
        expect(await unseen()).toBe(1);
        const poller = new ImapPoller(h.services.mailIntake, imapTargetOf(imap.url), LIMIT);
        expect(await poller.pollOnce()).toBe(1);
        await h.services.mailIntake.drain();
        expect(await unseen()).toBe(0);
        const found = await h.db.selectFrom('tickets').select('id').where('title', '=', `Panne ${dialect}`).execute();
        expect(found).toHaveLength(1);
      });
    });
  }
});
