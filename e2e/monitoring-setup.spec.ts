import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_STAFF, pickOption, randomSuffix, signIn } from './helpers';

/** A switch of ACME in the demo register; the checks and the Monitoring tab are tried on it. */
const ASSET = 'sw-lyon-core';
const ACME = 'ACME — Acme Logistique';

/** `YYYY-MM-DDTHH:mm` (a datetime-local value) of a date at 22:00 in the browser's zone. */
function eveningOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T22:00`;
}

async function openSetup(page: Page, entry: 'Checks' | 'Maintenance' | 'Agents'): Promise<void> {
  const nav = page.getByRole('navigation');
  const link = nav.getByRole('link', { name: entry, exact: true });
  if (!(await link.isVisible())) await nav.getByText('Monitoring setup').click();
  await link.click();
}

test.describe('supervision set-up', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, DEMO_STAFF.paul, DEMO_PASSWORD);
  });

  test('a manager adds an HTTP check against the server itself, runs it and finds it on the asset’s Monitoring tab', async ({
    page,
    baseURL,
  }) => {
    const name = `E2E web ${randomSuffix()}`;
    await openSetup(page, 'Checks');
    await expect(page.getByRole('heading', { name: 'Checks' })).toBeVisible();

    await page.getByRole('button', { name: 'New check' }).click();
    const dialog = page.getByRole('dialog', { name: 'New check' });
    await pickOption(page, dialog, 'Asset', `${ASSET} (Acme Logistique)`, ASSET);
    // HTTP is the default kind: its URL and expected statuses are shown, a host field is not
    await expect(dialog.getByRole('textbox', { name: 'URL' })).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: 'Host' })).toHaveCount(0);
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    // a bad URL comes back from the server onto its field
    await dialog.getByRole('textbox', { name: 'URL' }).fill('ftp://nowhere');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('textbox', { name: 'URL' })).toHaveAttribute('aria-invalid', 'true');
    await dialog.getByRole('textbox', { name: 'URL' }).fill(`${baseURL}/readyz`);
    await dialog.getByRole('textbox', { name: 'Expected statuses' }).fill('200');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();

    const row = page.locator(`[data-check="${name}"]`);
    await expect(row).toBeVisible();
    await expect(row).toContainText(`GET ${baseURL}/readyz`);
    await page.getByRole('button', { name: `Run ${name} now` }).click();
    // the server answers its own readiness probe: the check turns OK
    await expect(row.getByTestId('check-status').locator('[data-status="ok"]')).toBeVisible({ timeout: 20_000 });

    // filters live in the URL: the kind filter keeps the check, another kind hides it
    await pickOption(page, page.locator('main'), 'Kind', 'HTTP(S)');
    await expect(page).toHaveURL(/kind=http/);
    await expect(row).toBeVisible();
    await pickOption(page, page.locator('main'), 'Kind', 'DNS answer');
    await expect(row).toHaveCount(0);

    // the asset's Monitoring tab lists the check with its state, the agent card and the charts
    const found = (await (await page.request.get(`/api/v1/assets?q=${ASSET}`)).json()) as {
      items: { id: string; name: string }[];
    };
    const assetId = found.items.find((a) => a.name === ASSET)?.id as string;
    await page.goto(`/assets/${assetId}`);
    await page.getByRole('tab', { name: 'Monitoring' }).click();
    await expect(page).toHaveURL(/tab=monitoring/);
    const tab = page.getByTestId('asset-monitoring');
    await expect(tab.locator(`[data-check="${name}"]`)).toBeVisible();
    await expect(tab.getByTestId('asset-agent')).toBeVisible();
    await expect(tab.getByTestId('no-agent')).toContainText('No agent yet — enroll this machine');
    await expect(tab.getByRole('heading', { name: 'Charts' })).toBeVisible();
    await expect(tab.getByTestId('chart-latency')).toBeVisible({ timeout: 20_000 });
    await tab.getByText('7 d', { exact: true }).click();
    await expect(tab.getByTestId('chart-latency')).toBeVisible();
  });

  test('a manager plans a weekly maintenance window and sees its occurrences on the calendar', async ({ page }) => {
    const title = `E2E patch night ${randomSuffix()}`;
    await openSetup(page, 'Maintenance');
    await expect(page.getByRole('heading', { name: 'Maintenance windows' })).toBeVisible();

    await page.getByRole('button', { name: 'New window', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'New window' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
    await pickOption(page, dialog, 'Client', ACME, 'Acme');
    // the recurrence follows the client's zone unless another is chosen (the browser's may differ)
    await expect(dialog.getByText('Applies: Europe/Paris.')).toBeVisible();
    await dialog.getByLabel('Starts').fill(eveningOf(new Date()));
    await dialog.getByText('Weekly', { exact: true }).click();
    // today's weekday is chosen already; Monday and Thursday are asked for besides (a chip toggles)
    const chips = dialog.getByRole('group', { name: 'Days of the week' });
    const today = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date().getDay()];
    for (const day of ['Mon', 'Thu']) {
      if (day !== today) await chips.getByText(day, { exact: true }).click();
    }
    await expect(dialog.getByTestId('rrule-preview')).toContainText('FREQ=WEEKLY;BYDAY=');
    await expect(dialog.getByTestId('rrule-preview')).toContainText('MO');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();

    const listed = page.locator(`[data-window="${title}"]`);
    await expect(listed).toBeVisible();
    await expect(listed).toContainText('Every week on');
    await expect(listed).toContainText('Europe/Paris');
    const occurrences = page.getByTestId('maintenance-calendar').getByTestId('maintenance-occurrence').filter({
      hasText: title,
    });
    await expect(occurrences.first()).toBeVisible();

    // next month lies wholly after the start: at least two occurrences a week for four weeks
    await page.getByRole('button', { name: 'Next month' }).click();
    await expect(page).toHaveURL(/month=\d{4}-\d{2}/);
    await expect.poll(() => occurrences.count()).toBeGreaterThanOrEqual(8);
  });

  test('a manager enrolls a machine: the install command and its token are shown once', async ({ page }) => {
    const label = `E2E servers ${randomSuffix()}`;
    await openSetup(page, 'Agents');
    await expect(page.getByRole('heading', { name: 'Agents', exact: true })).toBeVisible();

    const panel = page.getByTestId('enroll-panel');
    await pickOption(page, panel, 'Client', ACME, 'Acme');
    await panel.getByRole('textbox', { name: 'Label' }).fill(label);
    await panel.getByRole('button', { name: 'Create the install command' }).click();

    await expect(panel.getByText('Shown once')).toBeVisible();
    const command = panel.getByTestId('install-command');
    await expect(command).toBeVisible();
    const token = (await panel.getByTestId('enrollment-token').textContent())?.trim() ?? '';
    expect(token.length).toBeGreaterThanOrEqual(10);
    await expect(command).toContainText(token);
    await expect(command).toContainText('install');

    // the token is listed (without its secret) and can be revoked
    const row = page.locator(`[data-enrollment="${label}"]`);
    await expect(row).toBeVisible();
    await expect(row).not.toContainText(token);
    await row.getByRole('button', { name: `Revoke the token ${label}` }).click();
    await page
      .getByRole('dialog', { name: `Revoke the token ${label}` })
      .getByRole('button', { name: 'Revoke' })
      .click();
    await expect(row.locator('[data-state="revoked"]')).toBeVisible();
  });
});
