import { type APIRequestContext, type APIResponse, expect, test } from '@playwright/test';
import { apiSignIn, DEMO_PASSWORD, randomSuffix } from './helpers';

/** The demo's N3 technician (team "Experts N3", serves ACME). */
const SOPHIE = 'sophie.laurent@vigie.local';
/** ACME's manager: the portal's supervision board is hers. */
const CLAIRE = 'claire.dubois@acme-logistique.fr';
/** Batisud's in-house IT (role client_it): the portal's board is theirs too. */
const THOMAS = 'thomas.garnier@batisud.fr';

interface AlertSummary {
  id: string;
  number: number;
  status: string;
  severity: string;
  ticket: { id: string; reference: string; status: string } | null;
}

async function ok<T>(response: APIResponse): Promise<T> {
  expect(response.ok(), `${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/**
 * A fake agent on ACME, set up through the API as staff (`staff` carries a staff session, `csrf` its token; `agentApi`
 * no session): an enrollment token, the agent's enrollment, a plugin check on its asset that fails on the first
 * hard result (maxAttempts 1). The agent then posts numbered batches of that check's results.
 */
async function fakeAgent(staff: APIRequestContext, agentApi: APIRequestContext, csrf: string) {
  const headers = { 'x-csrf-token': csrf };
  const clients = await ok<{ items: { id: string }[] }>(await staff.get('/api/v1/clients?q=ACME'));
  const acme = clients.items[0];
  const hostname = `e2e-srv-${randomSuffix().toLowerCase()}`;
  const enrollment = await ok<{ token: string }>(
    await staff.post('/api/v1/monitoring/enrollments', {
      headers,
      data: { clientId: acme.id, label: `e2e ${hostname}` },
    }),
  );
  const agent = await ok<{ assetId: string; credential: string }>(
    await agentApi.post('/api/v1/agent/enroll', {
      data: {
        token: enrollment.token,
        hostname,
        os: { name: 'Debian GNU/Linux 12 (bookworm)', id: 'debian', version: '12' },
        agentVersion: 'e2e',
      },
    }),
  );
  const check = await ok<{ id: string }>(
    await staff.post('/api/v1/monitoring/checks', {
      headers,
      data: {
        assetId: agent.assetId,
        name: 'e2e plugin',
        config: { kind: 'plugin', command: ['/bin/true'] },
        maxAttempts: 1,
      },
    }),
  );
  const sendResult = async (seq: number, exitCode: number, output: string) => {
    const at = new Date().toISOString();
    await ok(
      await agentApi.post('/api/v1/agent/batches', {
        headers: { authorization: `Bearer ${agent.credential}` },
        data: { seq, sentAt: at, items: [{ type: 'check', checkId: check.id, at, exitCode, output, durationMs: 12 }] },
      }),
    );
  };
  const alertOfAsset = async (status: 'open' | 'resolved') => {
    const list = await ok<{ items: AlertSummary[] }>(
      await staff.get(`/api/v1/monitoring/alerts?status=${status}&assetId=${agent.assetId}`),
    );
    return list.items[0];
  };
  return { hostname, sendResult, alertOfAsset };
}

test('an agent’s failing check appears live on the board with its ticket, and its recovery resolves both', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000); // an agent, a check, two batches and two ticket visits: more than the default minute
  const csrf = await apiSignIn(page, SOPHIE, DEMO_PASSWORD);

  // The board opens on the live stream; a marker on the window tells whether the page was ever reloaded.
  await page.goto('/monitoring');
  await expect(page.getByRole('heading', { name: 'Supervision' })).toBeVisible();
  await expect(page.getByTestId('board-stream')).toHaveAttribute('data-state', 'live');
  await page.evaluate(() => {
    (window as unknown as { boardMarker: string }).boardMarker = 'not reloaded';
  });

  // A fake agent on ACME with a plugin check on its asset.
  const { hostname, sendResult, alertOfAsset } = await fakeAgent(page.request, request, csrf);

  // The plugin fails (exit 2, CRITICAL): one hard problem at once (maxAttempts 1) → an alert and its ticket.
  await sendResult(1, 2, 'CRITICAL - e2e service down');
  await expect.poll(async () => (await alertOfAsset('open'))?.ticket?.reference ?? null).not.toBeNull();
  const alert = (await alertOfAsset('open')) as AlertSummary;
  const ticket = alert.ticket as NonNullable<AlertSummary['ticket']>;

  // It arrived on the open board by the stream: critical, highlighted as new, with its asset and ticket.
  const row = page.getByTestId('alert-table').locator(`tr[data-alert-number="${alert.number}"]`);
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute('data-severity', 'critical');
  await expect(row).toContainText(hostname);
  await expect(row).toContainText('e2e plugin');
  await expect(row.getByRole('link', { name: ticket.reference })).toBeVisible();
  await expect(page.getByTestId('board-tile-alerts-critical')).toContainText(/^[1-9]/);
  expect(await page.evaluate(() => (window as unknown as { boardMarker?: string }).boardMarker)).toBe('not reloaded');

  // The drawer tells its story.
  await row.getByText('CRITICAL - e2e service down').click();
  const drawer = page.getByRole('dialog');
  await expect(drawer).toContainText(`Alert #${alert.number}`);
  await expect(drawer.getByTestId('alert-facts')).toContainText(ticket.reference);
  await expect(page).toHaveURL(new RegExp(`[?&]alert=${alert.id}$`));
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(page).not.toHaveURL(/alert=/);

  // The link of the alert's mails and webhooks opens the board on that alert's drawer.
  await page.goto(`/monitoring/alerts/${alert.id}`);
  await expect(page).toHaveURL(new RegExp(`/monitoring\\?alert=${alert.id}$`));
  await expect(drawer).toContainText(`Alert #${alert.number}`);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(page.getByTestId('board-stream')).toHaveAttribute('data-state', 'live');

  // Through to its incident ticket.
  await row.getByRole('link', { name: ticket.reference }).click();
  await expect(page).toHaveURL(new RegExp(`/tickets/${ticket.id}$`));
  await expect(page.getByText(ticket.reference, { exact: true }).first()).toBeVisible();

  // Back on the board, the plugin recovers (exit 0): the alert leaves the open list without a reload.
  await page.goBack();
  await expect(page.getByTestId('board-stream')).toHaveAttribute('data-state', 'live');
  await expect(row).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { boardMarker: string }).boardMarker = 'not reloaded';
  });
  await sendResult(2, 0, 'OK - e2e service up');
  await expect(row).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { boardMarker?: string }).boardMarker)).toBe('not reloaded');

  // Nobody worked on the ticket: the recovery resolved it. The Resolved tab shows the alert, its duration and ticket.
  await expect
    .poll(async () => (await ok<{ status: string }>(await page.request.get(`/api/v1/tickets/${ticket.id}`))).status)
    .toBe('resolved');
  await page.getByRole('tab', { name: 'Resolved' }).click();
  const resolvedRow = page.getByTestId('alert-table').locator(`tr[data-alert-number="${alert.number}"]`);
  await expect(resolvedRow).toContainText('Resolved');
  await resolvedRow.getByRole('link', { name: ticket.reference }).click();
  await expect(page).toHaveURL(new RegExp(`/tickets/${ticket.id}$`));
  await expect(page.locator('[data-status="resolved"]').first()).toBeVisible();
});

test('a client manager follows their company’s alerts live in the portal, each linked to its portal ticket', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await apiSignIn(page, CLAIRE, DEMO_PASSWORD);
  await page.goto('/portal');
  await page.getByRole('link', { name: 'Supervision' }).click();
  await expect(page).toHaveURL(/\/portal\/monitoring$/);
  await expect(page.getByTestId('board-stream')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('board-tile-alerts')).toBeVisible();

  // Staff set up a fake agent on ACME (Claire's company), on sessions of their own.
  const staff = await playwright.request.newContext({ baseURL });
  const agentApi = await playwright.request.newContext({ baseURL });
  const login = await ok<{ csrfToken: string }>(
    await staff.post('/api/v1/auth/login', { data: { email: SOPHIE, password: DEMO_PASSWORD } }),
  );
  const { hostname, sendResult, alertOfAsset } = await fakeAgent(staff, agentApi, login.csrfToken);

  await sendResult(1, 1, 'WARNING - e2e queue growing');
  await expect.poll(async () => (await alertOfAsset('open'))?.ticket?.reference ?? null).not.toBeNull();
  const alert = (await alertOfAsset('open')) as AlertSummary;
  const ticket = alert.ticket as NonNullable<AlertSummary['ticket']>;

  // Read-only and without the client column, the alert arrives live; its ticket opens in the portal.
  const row = page.getByTestId('alert-table').locator(`tr[data-alert-number="${alert.number}"]`);
  await expect(row).toContainText(hostname);
  await expect(row).toHaveAttribute('data-severity', 'warning');
  await expect(page.getByTestId('alert-table').getByRole('columnheader', { name: 'Client' })).toHaveCount(0);

  // The link of the alert's mail leads a client person to the portal's board, that alert outlined.
  await page.goto(`/monitoring/alerts/${alert.id}`);
  await expect(page).toHaveURL(new RegExp(`/portal/monitoring\\?alert=${alert.id}$`));
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await row.getByRole('link', { name: ticket.reference }).click();
  await expect(page).toHaveURL(new RegExp(`/portal/tickets/${ticket.id}$`));

  // The check recovers: nothing left open from this test.
  await sendResult(2, 0, 'OK - e2e queue empty');
  await expect.poll(async () => (await alertOfAsset('open')) ?? null).toBeNull();
  await staff.dispose();
  await agentApi.dispose();
});

test('a client’s in-house IT also has the portal’s supervision board', async ({ page }) => {
  await apiSignIn(page, THOMAS, DEMO_PASSWORD);
  await page.goto('/portal');
  await page.getByRole('link', { name: 'Supervision' }).click();
  await expect(page).toHaveURL(/\/portal\/monitoring$/);
  await expect(page.getByRole('heading', { name: 'Supervision' })).toBeVisible();
  await expect(page.getByTestId('board-tile-alerts')).toBeVisible();
  await expect(page.getByTestId('board-stream')).toHaveAttribute('data-state', 'live');
});
