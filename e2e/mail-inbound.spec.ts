import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_STAFF, pickOption, randomSuffix, signIn } from './helpers';
import { mailHelpdesk } from './mail';

test('a stranger’s mail waits in triage; a manager gives it to a client and the ticket opens', async ({ page }) => {
  const subject = `Triage ${randomSuffix()}`;
  await mailHelpdesk({ from: 'Inconnu <inconnu@nowhere.example>', subject, text: 'Bonjour, qui peut m’aider ?' });
  await signIn(page, DEMO_STAFF.paul, DEMO_PASSWORD);
  await page.getByRole('link', { name: 'Incoming mail' }).click();
  await expect(page.getByRole('heading', { name: 'Incoming mail' })).toBeVisible();
  const row = page.getByRole('button', { name: subject });
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await row.click();
  const drawer = page.getByTestId('mail-inbound-drawer');
  await expect(drawer.getByText('Unknown sender')).toBeVisible();
  await expect(drawer.getByText('Bonjour, qui peut m’aider ?')).toBeVisible();
  await pickOption(page, drawer, 'Client', 'Acme Logistique', 'Acme');
  await drawer.getByRole('button', { name: 'Open the ticket' }).click();
  await expect(page.getByText('The ticket is opened.')).toBeVisible();
  await expect(drawer.getByRole('link', { name: /^T-\d{6}$/ })).toBeVisible();
  await drawer.getByRole('link', { name: /^T-\d{6}$/ }).click();
  await expect(page.getByRole('heading', { name: subject })).toBeVisible();
});
