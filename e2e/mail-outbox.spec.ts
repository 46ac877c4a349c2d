import { expect, test } from '@playwright/test';
import { apiSignIn, DEMO_PASSWORD, DEMO_STAFF, randomSuffix } from './helpers';
import { waitForMail } from './mail';

const CLAIRE = 'claire.dubois@acme-logistique.fr';

test('a ticket’s acknowledgement leaves over SMTP, and staff read it, its headers and its delivery in the console', async ({
  page,
}) => {
  const csrf = await apiSignIn(page, DEMO_STAFF.paul, DEMO_PASSWORD);
  const headers = { 'x-csrf-token': csrf };
  const clients = await (await page.request.get('/api/v1/clients?q=ACME')).json();
  const acme = clients.items[0];
  const contacts = await (await page.request.get(`/api/v1/clients/${acme.id}/contacts?q=Dubois`)).json();
  const claire = contacts.items.find((c: { email: string }) => c.email === CLAIRE);
  const title = `Scanner hors ligne ${randomSuffix()}`;
  const created = await page.request.post('/api/v1/tickets', {
    headers,
    data: { clientId: acme.id, title, requesterContactId: claire.id, impact: 3, urgency: 3 },
  });
  expect(created.status(), await created.text()).toBe(201);
  const ticket = await created.json();

  // The relay (a real SMTP catcher) receives the French acknowledgement, tagged with the reference.
  const ack = await waitForMail(CLAIRE, (m) => m.subject === `[${ticket.reference}] ${title}`);
  expect(ack.text).toContain('Nous avons bien reçu votre demande');

  // The API sign-in's cookie is the page's: the console opens signed in.
  await page.goto('/tickets');
  await page.getByRole('link', { name: 'Outgoing mail' }).click();
  await expect(page.getByRole('heading', { name: 'Outgoing mail' })).toBeVisible();
  const table = page.getByTestId('mail-outbox-table');
  await table.getByRole('button', { name: `[${ticket.reference}] ${title}` }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByTestId('mail-headers')).toContainText(`<${ack.messageId?.replace(/^<|>$/g, '')}>`);
  await expect(drawer.getByTestId('mail-attempts')).toContainText('Sent');
  // The HTML is shown in a frame that runs nothing.
  await expect(drawer.locator('iframe[sandbox=""]')).toBeVisible();
  await expect(
    drawer.frameLocator('iframe').getByText('Nous avons bien reçu votre demande', { exact: false }),
  ).toBeVisible();
  await page.keyboard.press('Escape');

  // The ticket's Mails tab lists it too.
  await page.goto(`/tickets/${ticket.id}/mails`);
  await expect(page.getByTestId('ticket-mails')).toContainText('Acknowledgement');
  await expect(page.getByTestId('ticket-mails')).toContainText(CLAIRE);

  // The daily digest is turned on from the user menu.
  await page.getByTestId('mail-digest-button').click();
  await page.getByRole('switch', { name: 'Daily digest by mail' }).click({ force: true });
  await expect(page.getByText(/Daily digest on, at \d+:00\./)).toBeVisible();
});
