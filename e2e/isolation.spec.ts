import { expect, test } from '@playwright/test';
import { ADMIN, apiSignIn, randomSuffix, signIn } from './helpers';

interface Named {
  id: string;
  code?: string;
  name: string;
}

test('a client manager of ACME sees ACME and nothing of BATI', async ({ page }) => {
  // the administrator prepares the account through the API
  const csrf = await apiSignIn(page, ADMIN.email, ADMIN.password);
  const clients = (await (await page.request.get('/api/v1/clients?limit=200')).json()) as { items: Named[] };
  const acme = clients.items.find((c) => c.code === 'ACME');
  const bati = clients.items.find((c) => c.code === 'BATI');
  if (!acme || !bati) throw new Error('the demo clients ACME and BATI are missing');
  const batiAssets = (await (await page.request.get(`/api/v1/assets?clientId=${bati.id}&limit=200`)).json()) as {
    items: Named[];
  };
  const acmeAssets = (await (await page.request.get(`/api/v1/assets?clientId=${acme.id}&limit=200`)).json()) as {
    items: Named[];
  };
  expect(batiAssets.items.length).toBeGreaterThan(0);
  expect(acmeAssets.items.length).toBeGreaterThan(0);

  const email = `acme-manager-${randomSuffix().toLowerCase()}@example.test`;
  const password = 'acme-manager-password';
  const created = await page.request.post('/api/v1/users', {
    headers: { 'X-CSRF-Token': csrf },
    data: { email, name: 'Acme Manager', role: 'client_manager', clientId: acme.id, password, locale: 'en' },
  });
  expect(created.status(), await created.text()).toBe(201);
  const logout = await page.request.post('/api/v1/auth/logout', { headers: { 'X-CSRF-Token': csrf } });
  expect(logout.ok()).toBe(true);

  // the client manager lands on the portal; their company is one link away
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/portal$/);
  await page.getByRole('link', { name: 'My company' }).click();
  await expect(page).toHaveURL(new RegExp(`/clients/${acme.id}`));
  await expect(page.getByRole('heading', { name: acme.name })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Clients', exact: true })).toHaveCount(0);

  // BATI's page by its URL: not found, and nothing of BATI on screen
  await page.goto(`/clients/${bati.id}`);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await expect(page.getByText(bati.name)).toHaveCount(0);
  await expect(page.getByText('BATI', { exact: true })).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(bati.name);

  // the asset list: ACME's assets only
  await page.getByRole('link', { name: 'Our assets' }).click();
  await expect(page.getByRole('heading', { name: 'Assets' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Assets' });
  await expect(table.getByRole('link', { name: acmeAssets.items[0]?.name ?? '', exact: true })).toBeVisible();
  const shown = await table.getByRole('link').allTextContents();
  expect(shown.length).toBe(Math.min(acmeAssets.items.length, 50));
  const acmeNames = new Set(acmeAssets.items.map((a) => a.name));
  for (const name of shown) expect(acmeNames.has(name), `${name} should be an ACME asset`).toBe(true);
  for (const asset of batiAssets.items.filter((a) => !acmeNames.has(a.name))) {
    await expect(page.getByText(asset.name, { exact: true })).toHaveCount(0);
  }
  await expect(page.locator('body')).not.toContainText(bati.name);
});
