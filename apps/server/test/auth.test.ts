import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../src/core/actor.js';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness, TEST_AUTH } from './harness.js';
import { ApiClient } from './http-client.js';

for (const dialect of DIALECTS) {
  describe(`sessions, lockout and API tokens (${dialect})`, () => {
    let h: Harness;
    let f: ReturnType<typeof factories>;
    beforeAll(async () => {
      h = await startHarness(dialect);
      f = factories(h.services);
    });
    afterAll(async () => h?.close());

    it('signs in with an HttpOnly SameSite cookie, and signs out for good', async () => {
      const user = await f.user('manager');
      const api = new ApiClient(h.baseUrl);
      const response = await api.login(user.email.toUpperCase(), PASSWORD);
      expect(response.status).toBe(200);
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/vigie_session=/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect((await api.request('GET', '/api/v1/auth/session')).status).toBe(200);
      expect((await api.request('POST', '/api/v1/auth/logout')).status).toBe(204);
      // The old cookie is dead on the server, not only forgotten by the browser.
      expect((await api.request('GET', '/api/v1/auth/session')).status).toBe(401);
      expect((await api.request('GET', '/api/v1/clients')).status).toBe(401);
    });

    it('stores no raw session token, only its hash', async () => {
      const user = await f.user('manager');
      const api = new ApiClient(h.baseUrl);
      const response = await api.login(user.email, PASSWORD);
      const raw = decodeURIComponent((response.headers.get('set-cookie') ?? '').split(';')[0]?.split('=')[1] ?? '');
      const rows = await h.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
      expect(rows.length).toBe(1);
      expect(rows[0]?.id).not.toBe(raw);
      expect(rows[0]?.id).toMatch(/^[0-9a-f]{64}$/);
    });

    it('expires an idle session after the configured hours', async () => {
      const user = await f.user('manager');
      const api = new ApiClient(h.baseUrl);
      await api.login(user.email, PASSWORD);
      h.clock.advance((TEST_AUTH.sessionHours - 1) * 3600_000);
      expect((await api.request('GET', '/api/v1/clients')).status).toBe(200);
      h.clock.advance((TEST_AUTH.sessionHours + 1) * 3600_000);
      expect((await api.request('GET', '/api/v1/clients')).status).toBe(401);
    });

    it('refuses a cookie write without the CSRF token', async () => {
      const user = await f.user('admin');
      const api = new ApiClient(h.baseUrl);
      const login = await api.login(user.email, PASSWORD);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const response = await fetch(`${h.baseUrl}/api/v1/vendors`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Forged Vendor' }),
      });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('csrf');
      expect(await h.db.selectFrom('vendors').select('id').where('name', '=', 'Forged Vendor').execute()).toEqual([]);
    });

    it('locks an account after repeated failures, even for the right password, then lets it in again', async () => {
      const user = await f.user('technician');
      const api = new ApiClient(h.baseUrl);
      for (let i = 0; i < TEST_AUTH.maxFailures - 1; i++) {
        expect((await api.login(user.email, 'wrong password!')).status).toBe(401);
      }
      const locking = await api.login(user.email, 'wrong password!');
      expect(locking.status).toBe(429);
      expect(locking.headers.get('retry-after')).toBe(String(TEST_AUTH.lockMinutes * 60));
      const refused = await api.login(user.email, PASSWORD);
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/temporarily locked/);
      h.clock.advance(TEST_AUTH.lockMinutes * 60_000 + 1000);
      expect((await api.login(user.email, PASSWORD)).status).toBe(200);
    });

    it('holds the lockout against guesses sent in parallel', async () => {
      const user = await f.user('technician');
      const attempts = await Promise.all(
        Array.from({ length: 20 }, () => new ApiClient(h.baseUrl).login(user.email, 'parallel guess!')),
      );
      const statuses = attempts.map((r) => r.status);
      expect(statuses.filter((s) => s === 401).length).toBe(TEST_AUTH.maxFailures - 1);
      expect(statuses.filter((s) => s === 429).length).toBe(20 - (TEST_AUTH.maxFailures - 1));
    });

    it('answers the same for an unknown e-mail and a wrong password', async () => {
      const user = await f.user('technician');
      const api = new ApiClient(h.baseUrl);
      const unknown = await api.login('nobody@example.test', PASSWORD);
      const wrong = await api.login(user.email, 'not the password');
      expect(unknown.status).toBe(401);
      expect(wrong.status).toBe(401);
      expect(await unknown.json()).toEqual(await wrong.json());
    });

    it('ends the sessions of a deactivated user', async () => {
      const admin = await f.user('admin');
      const user = await f.user('technician');
      const adminApi = new ApiClient(h.baseUrl);
      await adminApi.login(admin.email, PASSWORD);
      const api = new ApiClient(h.baseUrl);
      await api.login(user.email, PASSWORD);
      await adminApi.json('PATCH', `/api/v1/users/${user.id}`, { active: false });
      expect((await api.request('GET', '/api/v1/clients')).status).toBe(401);
      expect((await api.login(user.email, PASSWORD)).status).toBe(401);
    });

    it('shows an API token once, keeps only its hash, enforces scopes, expiry and revocation', async () => {
      const user = await f.user('manager');
      const api = new ApiClient(h.baseUrl);
      await api.login(user.email, PASSWORD);
      const created = await api.json<{ token: { id: string; prefix: string }; secret: string }>(
        'POST',
        '/api/v1/tokens',
        {
          name: 'monitoring',
          scopes: ['read'],
          expiresInDays: 1,
        },
      );
      expect(created.secret.startsWith(created.token.prefix)).toBe(true);
      const listed = JSON.stringify(await api.get('/api/v1/tokens'));
      expect(listed).not.toContain(created.secret);
      const stored = await h.db
        .selectFrom('api_tokens')
        .selectAll()
        .where('id', '=', created.token.id)
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(stored)).not.toContain(created.secret);

      const reader = ApiClient.withToken(h.baseUrl, created.secret);
      expect((await reader.request('GET', '/api/v1/clients')).status).toBe(200);
      const write = await reader.request('POST', '/api/v1/vendors', { name: 'Via token' });
      expect(write.status).toBe(403);
      expect(((await write.json()) as { error: { message: string } }).error.message).toMatch(/write scope/);

      h.clock.advance(2 * 86_400_000);
      expect((await reader.request('GET', '/api/v1/clients')).status).toBe(401);

      await api.login(user.email, PASSWORD);
      const second = await api.json<{ token: { id: string }; secret: string }>('POST', '/api/v1/tokens', {
        name: 'ci',
        scopes: ['read', 'write'],
        expiresInDays: 30,
      });
      const writer = ApiClient.withToken(h.baseUrl, second.secret);
      expect((await writer.request('POST', '/api/v1/vendors', { name: 'Via writer token' })).status).toBe(201);
      expect((await api.request('DELETE', `/api/v1/tokens/${second.token.id}`)).status).toBe(204);
      expect((await writer.request('GET', '/api/v1/clients')).status).toBe(401);
    });

    it("keeps an admin's non-admin token away from user administration, however the path is spelled", async () => {
      const admin = await f.user('admin');
      const api = new ApiClient(h.baseUrl);
      await api.login(admin.email, PASSWORD);
      const { secret } = await api.json<{ secret: string }>('POST', '/api/v1/tokens', {
        name: 'rw',
        scopes: ['read', 'write'],
        expiresInDays: 1,
      });
      const token = ApiClient.withToken(h.baseUrl, secret);
      for (const path of ['/api/v1/users', '/api/v1/%75sers', '/api/v1/users?limit=5']) {
        expect((await token.request('GET', path)).status, path).toBe(403);
      }
      expect((await token.request('GET', '/api/v1/clients')).status).toBe(200);
    });

    it('never lets a token make or revoke tokens', async () => {
      const admin = await f.user('admin');
      const api = new ApiClient(h.baseUrl);
      await api.login(admin.email, PASSWORD);
      const { secret } = await api.json<{ secret: string }>('POST', '/api/v1/tokens', {
        name: 'ci',
        scopes: ['read', 'write'],
        expiresInDays: 1,
      });
      const token = ApiClient.withToken(h.baseUrl, secret);
      const bred = await token.request('POST', '/api/v1/tokens', {
        name: 'esc',
        scopes: ['admin'],
        expiresInDays: null,
      });
      expect(bred.status).toBe(403);
      expect((await h.db.selectFrom('api_tokens').select('id').where('name', '=', 'esc').execute()).length).toBe(0);
    });

    it('refuses admin-scoped tokens to non-admins and never-expiring ones too', async () => {
      const user = await f.user('technician');
      const api = new ApiClient(h.baseUrl);
      await api.login(user.email, PASSWORD);
      expect(
        (await api.request('POST', '/api/v1/tokens', { name: 'x', scopes: ['admin'], expiresInDays: 5 })).status,
      ).toBe(403);
      expect(
        (await api.request('POST', '/api/v1/tokens', { name: 'x', scopes: ['read'], expiresInDays: null })).status,
      ).toBe(403);
    });

    it('records sign-ins and changes in the audit trail', async () => {
      const admin = await f.user('admin');
      const api = new ApiClient(h.baseUrl);
      await api.login(admin.email, PASSWORD);
      const page = await api.get(`/api/v1/audit?actorId=${admin.id}&action=login`);
      expect((page as { items: unknown[] }).items.length).toBeGreaterThan(0);
      expect(await h.services.audit.list(systemCtx, { limit: 5, actorId: admin.id })).toMatchObject({
        items: [{ action: 'login' }],
      });
    });
  });
}
