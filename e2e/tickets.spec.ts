import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_STAFF, pickOption, randomSuffix, signIn, signOut } from './helpers';

/** The SLA badge of one clock in the ticket page's SLA panel. */
const slaBadge = (page: Page, clock: 'tto' | 'ttr') =>
  page.getByRole('region', { name: 'SLA' }).getByTestId(`sla-${clock}`).locator('[data-sla-state]');

test('a phone call taken at N1, escalated to N2 with a diagnosis, resolved with a workaround that leaves a follow-up task', async ({
  page,
  request,
}) => {
  const title = `Scanner de l'entrepôt muet ${randomSuffix()}`;

  // Léa (N1) logs the call from the keyboard: n, part of the caller's name, pick, a title, Ctrl+Enter
  await signIn(page, DEMO_STAFF.lea, DEMO_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Tickets' })).toBeVisible();
  await page.keyboard.press('n');
  const call = page.getByRole('dialog', { name: 'Log a phone call' });
  await call.getByRole('combobox', { name: 'Caller' }).fill('julien mor');
  await page.getByRole('option', { name: /Julien Moreau — ACME/ }).click();
  await expect(call.getByTestId('caller-open-tickets')).toContainText('Acme Logistique has');
  await call.getByRole('textbox', { name: 'Title' }).fill(title);
  await call.getByRole('textbox', { name: 'Description' }).fill('The barcode scanner of bay 3 no longer answers.');
  await call.getByRole('radiogroup', { name: 'Impact' }).getByText('2', { exact: true }).click();
  await expect(call.getByText('Priority:')).toBeVisible();
  await call.getByRole('checkbox', { name: 'I take it now' }).uncheck();
  await call.getByRole('textbox', { name: 'Title' }).press('Control+Enter');
  await expect(call).toBeHidden();

  // the ticket page: new, nobody owns it, the take-charge clock runs; `t` takes it and stops the clock, met
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const ticketUrl = page.url();
  const ticketId = ticketUrl.split('/tickets/')[1]?.split(/[/?]/)[0] ?? '';
  await expect(slaBadge(page, 'tto')).toHaveAttribute('data-sla-state', /ok|warning/);
  await page.keyboard.press('t');
  await expect(slaBadge(page, 'tto')).toHaveAttribute('data-sla-state', 'stopped');
  await expect(slaBadge(page, 'tto')).toHaveText('met');
  await expect(page.locator('[data-status="in_progress"]').first()).toBeVisible();

  // a diagnosis that says nothing is refused, and the ticket stays at N1
  await page.getByRole('button', { name: 'Escalate' }).click();
  const escalate = page.getByRole('dialog', { name: /^Escalate T-/ });
  await pickOption(page, escalate, 'Team', 'Infrastructure N2');
  await escalate.getByRole('textbox', { name: 'Diagnosis' }).fill('Does not work.');
  await expect(escalate.getByTestId('diagnosis-count')).toHaveText('14 characters / 20 minimum');
  await escalate.getByRole('button', { name: 'Escalate' }).click();
  await expect(escalate.getByText('The diagnosis needs at least 20 characters (14 written).')).toBeVisible();
  await expect(escalate).toBeVisible();
  await expect(page.locator('[data-level]').first()).toHaveText('N1');

  // the server refuses it too (the rule is not only the console's)
  const login = await request.post('/api/v1/auth/login', { data: { email: DEMO_STAFF.lea, password: DEMO_PASSWORD } });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const refused = await request.post(`/api/v1/tickets/${ticketId}/escalate`, {
    headers: { 'X-CSRF-Token': csrfToken },
    data: { kind: 'functional', toLevel: 2, diagnosis: 'Does not work.', teamId: null },
  });
  expect(refused.status(), await refused.text()).toBeGreaterThanOrEqual(400);
  expect(refused.status()).toBeLessThan(500);
  const still = (await (await request.get(`/api/v1/tickets/${ticketId}`)).json()) as { supportLevel: number };
  expect(still.supportLevel).toBe(1);

  // with a real diagnosis the ticket goes up to N2, to Karim's team
  await escalate
    .getByRole('textbox', { name: 'Diagnosis' })
    .fill('Scanner powers on but gets no DHCP lease on VLAN 30; cable and port checked, other devices fine.');
  await escalate.getByRole('textbox', { name: 'Diagnosis' }).press('Control+Enter');
  await expect(escalate).toBeHidden();
  await expect(page.locator('[data-level]').first()).toHaveText('N2');
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline).toContainText('escalated N1 → N2');
  await signOut(page);

  // Karim (N2) finds it in his teams' queue, opens it, takes it and resolves it with a workaround
  await signIn(page, DEMO_STAFF.karim, DEMO_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Tickets' })).toBeVisible();
  await page.getByRole('button', { name: /unread notification/ }).click();
  await expect(page.getByRole('listitem').filter({ hasText: title })).toContainText('Escalated to you');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('list', { name: 'Notifications' })).toBeHidden();
  await page.keyboard.press('2');
  await expect(page.getByRole('tab', { name: /My teams/ })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('table', { name: 'Tickets' }).getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await page.getByRole('button', { name: 'Take' }).click();
  await expect(page.getByRole('button', { name: 'Take' })).toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('button', { name: 'Resolve' }).click();
  const resolve = page.getByRole('dialog', { name: /^Resolve T-/ });
  await resolve.getByText('Workaround', { exact: true }).click();
  await resolve
    .getByRole('textbox', { name: 'Workaround' })
    .fill('Static IP given to the scanner until the DHCP scope is fixed.');
  await resolve.getByRole('textbox', { name: 'Cause' }).fill('DHCP scope of VLAN 30 exhausted.');
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await expect(resolve).toBeHidden();

  await expect(page.locator('[data-status="resolved"]').first()).toBeVisible();
  const followUp = page.getByTestId('follow-up-link');
  await expect(followUp).toBeVisible();
  await expect(followUp).toContainText(/Follow-up task T-\d{6}/);
  await followUp.click();
  await expect(page.getByTestId('parent-link')).toContainText(/Follow-up of T-\d{6}/);
});

test('the queue shows breaching tickets in red and is driven from the keyboard', async ({ page }) => {
  await signIn(page, DEMO_STAFF.paul, DEMO_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Tickets' })).toBeVisible();

  await page.keyboard.press('6');
  await expect(page).toHaveURL(/queue=open/);
  const table = page.getByRole('table', { name: 'Tickets' });
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await expect(table.locator('tr[data-sla="breached"]').first()).toBeVisible();
  await expect(table.locator('tr[data-sla="breached"] [data-sla-state="breached"]').first()).toBeVisible();

  // j moves the cursor to the second row, Enter opens it
  await expect(table.locator('tbody tr').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('j');
  const second = table.locator('tbody tr').nth(1);
  await expect(second).toHaveAttribute('aria-selected', 'true');
  const title = await second.getByRole('link').first().textContent();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: title ?? '' })).toBeVisible();

  // the filters live in the URL: back to the queue, the priority filter survives a reload
  await page.goBack();
  await pickOption(page, page.locator('main'), 'Filter by priority', 'P3 — Medium');
  await expect(page).toHaveURL(/priority=P3/);
  await page.reload();
  await expect(page.getByRole('tab', { name: /All open/ })).toHaveAttribute('aria-selected', 'true');
  await expect(table.locator('tbody tr').first()).toBeVisible(); // the demo has P3 tickets open
  for (const badge of await table.locator('[data-priority]').all()) await expect(badge).toHaveText('P3');

  // saved as a view, picked again after the filters were cleared, then deleted
  const view = `P3 open ${randomSuffix()}`;
  await page.getByRole('button', { name: 'Save these filters as a view' }).click();
  await page.getByRole('textbox', { name: 'View name' }).fill(view);
  await page.getByRole('textbox', { name: 'View name' }).press('Enter');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).not.toHaveURL(/priority=/);
  await pickOption(page, page.locator('main'), 'Saved views', view);
  await expect(page).toHaveURL(/priority=P3/);
  await page.getByRole('button', { name: `Delete view ${view}` }).click();
  await page
    .getByRole('dialog', { name: `Delete view ${view}` })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(page.getByRole('button', { name: `Delete view ${view}` })).toHaveCount(0);

  // the help lists the queue shortcuts
  await page.keyboard.press('Shift+?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByText('Log a phone call')).toBeVisible();
  await expect(help.getByText('Switch queue (Mine … All)')).toBeVisible();
});
