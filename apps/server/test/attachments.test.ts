/**
 * Ticket files over HTTP (multipart upload, list, download) on every database: who sees which file, the limits and
 * their clear refusals, safe downloads.
 */
import { ATTACHMENT_LIMITS, type Attachment, TicketInput } from '@vigie/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness } from './harness.js';
import { ApiClient } from './http-client.js';

interface Part {
  name: string;
  value: string | Buffer;
  fileName?: string;
  type?: string;
}

function multipart(parts: Part[]): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----vigie${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = p.fileName
      ? `form-data; name="${p.name}"; filename="${p.fileName}"`
      : `form-data; name="${p.name}"`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n`));
    if (p.type) chunks.push(Buffer.from(`Content-Type: ${p.type}\r\n`));
    chunks.push(Buffer.from('\r\n'), Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const file = (fileName: string, value: string | Buffer, type = 'text/plain'): Part => ({
  name: 'file',
  value,
  fileName,
  type,
});

for (const dialect of DIALECTS) {
  describe(`ticket attachments over HTTP (${dialect})`, () => {
    let h: Harness;
    let ticketId: string;
    let tech: ApiClient;
    let requester: ApiClient;
    let colleague: ApiClient;
    let stranger: ApiClient;

    async function upload(api: ApiClient, parts: Part[], target = ticketId) {
      const { body, headers } = multipart(parts);
      return api.request('POST', `/api/v1/tickets/${target}/attachments`, body, headers);
    }

    beforeAll(async () => {
      h = await startHarness(dialect, { bodyLimitBytes: 1024 * 1024 });
      const f = factories(h.services);
      const client = await f.client();
      const other = await f.client();
      await f.contract(client.id);
      const login = async (user: { email: string }) => {
        const api = new ApiClient(h.baseUrl);
        await api.login(user.email, PASSWORD);
        return api;
      };
      const requesterUser = await f.user('requester', client.id);
      requester = await login(requesterUser);
      colleague = await login(await f.user('requester', client.id));
      stranger = await login(await f.user('client_manager', other.id));
      tech = await login(await f.user('manager'));
      const created = await requester.json<{ id: string }>(
        'POST',
        '/api/v1/tickets',
        TicketInput.parse({ clientId: client.id, title: 'Écran', description: 'noir' }),
      );
      ticketId = created.id;
    });

    afterAll(async () => {
      await h?.close();
    });

    it('takes files from the requester and internal files from staff; each sees what is theirs to see', async () => {
      const response = await upload(requester, [
        file('capture écran.png', Buffer.from('PNG!'), 'image/png'),
        file('log.txt', 'hello'),
      ]);
      expect(response.status).toBe(201);
      const { items } = (await response.json()) as { items: Attachment[] };
      expect(items.map((a) => [a.fileName, a.public, a.sizeBytes])).toEqual([
        ['capture écran.png', true, 4],
        ['log.txt', true, 5],
      ]);
      const internal = await upload(tech, [{ name: 'internal', value: 'true' }, file('notes.txt', 'secret diagnosis')]);
      expect(internal.status).toBe(201);
      const staffList = (await tech.get(`/api/v1/tickets/${ticketId}/attachments`)) as { items: Attachment[] };
      expect(staffList.items.map((a) => a.fileName)).toEqual(['capture écran.png', 'log.txt', 'notes.txt']);
      const clientList = (await requester.get(`/api/v1/tickets/${ticketId}/attachments`)) as { items: Attachment[] };
      expect(clientList.items.map((a) => a.fileName)).toEqual(['capture écran.png', 'log.txt']);
      const secret = staffList.items.find((a) => a.fileName === 'notes.txt');
      expect((await requester.request('GET', secret?.url ?? '')).status).toBe(404);
      const note = await upload(requester, [{ name: 'internal', value: 'true' }, file('x.txt', 'x')]);
      expect(note.status).toBe(403);
      // The timeline says files were added (the internal one only to staff).
      const events = (await requester.get(`/api/v1/tickets/${ticketId}/events?limit=100`)) as {
        items: { kind: string }[];
      };
      expect(events.items.filter((e) => e.kind === 'attachment')).toHaveLength(1);
    });

    it('serves files as downloads, never as something a browser runs', async () => {
      const response = await upload(requester, [
        file('<evil>.html', '<script>alert(1)</script>', 'text/html'),
        file('../../etc/passwd', 'root'),
      ]);
      const { items } = (await response.json()) as { items: Attachment[] };
      expect(items.map((a) => a.fileName)).toEqual(['evil.html', 'passwd']);
      expect(items[0]?.contentType).toBe('application/octet-stream');
      const download = await requester.request('GET', items[0]?.url ?? '');
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('application/octet-stream');
      expect(download.headers.get('content-disposition')).toMatch(
        /^attachment; filename="evil.html"; filename\*=UTF-8''evil.html$/,
      );
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await download.text()).toBe('<script>alert(1)</script>');
    });

    it('refuses too large (413), too many (422), empty (422) and non-multipart (415) uploads, writing nothing', async () => {
      const before = ((await tech.get(`/api/v1/tickets/${ticketId}/attachments`)) as { items: unknown[] }).items.length;
      const big = await upload(requester, [
        file('big.bin', Buffer.alloc(ATTACHMENT_LIMITS.maxFileBytes + 1), 'application/octet-stream'),
      ]);
      expect(big.status).toBe(413);
      expect(((await big.json()) as { error: { message: string } }).error.message).toMatch(/larger than 10 MB/);
      const many = await upload(
        requester,
        Array.from({ length: ATTACHMENT_LIMITS.maxFilesPerUpload + 1 }, (_, i) => file(`f${i}.txt`, 'x')),
      );
      expect(many.status).toBe(422);
      expect((await upload(requester, [file('empty.txt', '')])).status).toBe(422);
      expect((await upload(requester, [])).status).toBe(422);
      expect((await requester.request('POST', `/api/v1/tickets/${ticketId}/attachments`, { file: 'x' })).status).toBe(
        415,
      );
      const after = ((await tech.get(`/api/v1/tickets/${ticketId}/attachments`)) as { items: unknown[] }).items.length;
      expect(after).toBe(before);
    });

    it('answers 404 to people who cannot read the ticket: another client, a colleague requester', async () => {
      const { items } = (await requester.get(`/api/v1/tickets/${ticketId}/attachments`)) as { items: Attachment[] };
      const url = items[0]?.url ?? '';
      for (const api of [stranger, colleague]) {
        expect((await api.request('GET', url)).status).toBe(404);
        expect((await api.request('GET', `/api/v1/tickets/${ticketId}/attachments`)).status).toBe(404);
        expect((await upload(api, [file('x.txt', 'x')])).status).toBe(404);
      }
    });
  });
}
