import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { ADMIN, DEMO_PASSWORD, DEMO_STAFF, randomSuffix, signIn } from './helpers';
import { waitForMail } from './mail';

/** Client people of the demo (apps/server/src/demo/demo-data.ts). */
const SANDRINE = 'sandrine.roux@clinique-tilleuls.fr'; // requester, CLINIQ
const THOMAS = 'thomas.garnier@batisud.fr'; // in-house IT of BATI, which keeps N1

interface TicketRow {
  id: string;
  title: string;
  clientCode: string;
  status: string;
  requesterName: string | null;
}

/** Signs a staff member in on a request context of its own; answers the CSRF token. */
async function staffApi(request: APIRequestContext, email: string): Promise<string> {
  const login = await request.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  return ((await login.json()) as { csrfToken: string }).csrfToken;
}

async function ticketsOf(request: APIRequestContext, query: string): Promise<TicketRow[]> {
  const response = await request.get(`/api/v1/tickets?${query}`);
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { items: TicketRow[] }).items;
}

const ticketIdOf = (page: Page) => page.url().split('/portal/tickets/')[1]?.split(/[/?]/)[0] ?? '';

test('a requester opens a ticket from the portal with a file and a suggested article, replies, and cannot reach another client’s ticket', async ({
  page,
  request,
}) => {
  const word = `spouleur${randomSuffix().toLowerCase()}`;
  const articleTitle = `Imprimante bloquée : relancer le ${word}`;
  // the provider publishes a public article for every client; an ACME ticket exists that Sandrine must never see
  const csrf = await staffApi(request, DEMO_STAFF.paul);
  const article = await request.post('/api/v1/kb/articles', {
    headers: { 'X-CSRF-Token': csrf },
    data: {
      clientId: null,
      title: articleTitle,
      body: `Ouvrir les services et redémarrer le ${word}.`,
      visibility: 'public',
    },
  });
  expect(article.status(), await article.text()).toBe(201);
  const acmeTicket = (await ticketsOf(request, 'queue=all&limit=50')).find((t) => t.clientCode === 'ACME');
  expect(acmeTicket).toBeDefined();

  await signIn(page, SANDRINE, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByRole('heading', { name: 'My requests' })).toBeVisible();
  // her resolved ticket waits for her answer
  await expect(page.getByTestId('waiting-for-you').first()).toBeVisible();

  await page.getByRole('link', { name: 'New request' }).first().click();
  await expect(page.getByRole('heading', { name: 'New request' })).toBeVisible();
  const title = `L’imprimante de l’accueil ne sort plus rien (${word})`;
  await page.getByRole('textbox', { name: 'In a few words, what is the problem?' }).fill(title);
  // the article is suggested while she types, and opens beside the form
  const suggestions = page.getByTestId('kb-suggestions');
  await expect(suggestions).toContainText(articleTitle);
  await suggestions.getByRole('button', { name: `Read: ${articleTitle}` }).click();
  await expect(page.getByTestId('kb-article-body')).toContainText(`redémarrer le ${word}`);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('kb-article-body')).toBeHidden();

  await page.getByRole('textbox', { name: 'Details' }).fill('Les documents restent en attente depuis ce matin.');
  await page.getByRole('radio', { name: 'My team' }).check();
  await page.getByRole('radio', { name: 'It blocks my work' }).check();
  await page.locator('input[type="file"]').setInputFiles({
    name: 'message-erreur.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Erreur 0x0000011b : impression impossible'),
  });
  await page.getByRole('button', { name: 'Send the request' }).click();

  // the ticket page: her words, her file, where it stands
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const ticketId = ticketIdOf(page);
  await expect(page.getByTestId('portal-conversation')).toContainText('Les documents restent en attente');
  const download = page.getByRole('link', { name: 'Download message-erreur.txt' });
  await expect(download).toBeVisible();
  const file = await page.request.get((await download.getAttribute('href')) ?? '');
  expect(file.status()).toBe(200);
  expect(await file.text()).toBe('Erreur 0x0000011b : impression impossible');
  await expect(page.getByTestId('portal-state')).toBeVisible();
  await expect(page.getByTestId('portal-commitment')).toContainText('Europe/Paris');

  // she replies; the reply joins the conversation
  await page.getByRole('textbox', { name: 'Your reply' }).fill('Le voyant orange clignote sur l’imprimante.');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('portal-conversation')).toContainText('Le voyant orange clignote');
  const events = (await (await page.request.get(`/api/v1/tickets/${ticketId}/events`)).json()) as {
    items: { kind: string; visibility: string }[];
  };
  expect(events.items.some((e) => e.kind === 'reply')).toBe(true);
  expect(events.items.every((e) => e.visibility === 'public')).toBe(true);

  // another client's ticket by its URL: not found, and nothing of it on screen
  await page.goto(`/portal/tickets/${acmeTicket?.id}`);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(acmeTicket?.title ?? '');
  const attachments = await page.request.get(`/api/v1/tickets/${acmeTicket?.id}/attachments`);
  expect(attachments.status()).toBe(404);
});

test('a link from a resolution mail opens the answer after sign-in', async ({ page, request }) => {
  await staffApi(request, DEMO_STAFF.paul);
  const resolved = (await ticketsOf(request, 'queue=all&status=resolved&limit=50')).find(
    (t) => t.clientCode === 'CLINIQ' && t.requesterName === 'Sandrine Roux',
  );
  expect(resolved).toBeDefined();
  await page.goto(`/portal/tickets/${resolved?.id}?answer=rate`);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel('Email').fill(SANDRINE);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`/portal/tickets/${resolved?.id}\\?answer=rate`));
  const dialog = page.getByRole('dialog', { name: 'How was the service?' });
  await expect(dialog).toBeVisible();
  // a rating is required: the dialog says so rather than sending nothing
  await dialog.getByRole('button', { name: 'Rate the service' }).click();
  await expect(dialog.getByText('Choose from 1 to 5 stars.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).not.toHaveURL(/answer=/);
  await expect(page.getByRole('button', { name: 'Yes, it works again' })).toBeVisible();
});

test('BATI’s in-house IT opens a ticket it handles itself, then escalates it to the provider', async ({
  page,
  request,
}) => {
  await signIn(page, THOMAS, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByRole('heading', { name: 'Our company’s requests' })).toBeVisible();
  // its queue comes first, with the demo's in-house ticket
  await expect(page.getByRole('radio', { name: 'Our IT’s queue' })).toBeChecked();
  await expect(page.getByTestId('portal-ticket').filter({ hasText: 'Scanner du bureau d’études' })).toBeVisible();

  await page.getByRole('link', { name: 'New request' }).first().click();
  const title = `Poste de l’accueil sans réseau ${randomSuffix()}`;
  await page.getByRole('textbox', { name: 'In a few words, what is the problem?' }).fill(title);
  await page.getByRole('checkbox', { name: /Our IT handles it/ }).check();
  await page.getByRole('button', { name: 'Send the request' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const ticketId = ticketIdOf(page);
  await expect(page.getByText('Handled by your IT', { exact: true })).toBeVisible();
  await expect(page.getByTestId('portal-commitment')).toContainText(
    'the provider’s time limits start if it is escalated',
  );
  const toolbar = page.getByRole('toolbar', { name: 'Our IT’s work' });
  await expect(toolbar).toBeVisible();

  // the provider's desk does not wait on it: no team, no clock
  await staffApi(request, DEMO_STAFF.karim);
  const held = (await (await request.get(`/api/v1/tickets/${ticketId}`)).json()) as {
    team: unknown;
    supportLevel: number;
    sla: { tto: unknown };
  };
  expect(held).toMatchObject({ team: null, supportLevel: 1, sla: { tto: null } });

  // escalating needs a real diagnosis; then the provider's N2 team has it and its clocks run
  await toolbar.getByRole('button', { name: 'Escalate to the provider' }).click();
  const dialog = page.getByRole('dialog', { name: /to the provider \(N2\)/ });
  await dialog.getByRole('textbox', { name: 'Your diagnosis' }).fill('Pas de réseau.');
  await dialog.getByRole('button', { name: 'Escalate to the provider' }).click();
  await expect(dialog.getByText('Say a little more: at least 20 characters (14 written).')).toBeVisible();
  await dialog
    .getByRole('textbox', { name: 'Your diagnosis' })
    .fill('Câble changé et prise testée : la prise murale ne donne aucun lien, à voir côté baie de brassage.');
  await dialog.getByRole('button', { name: 'Escalate to the provider' }).click();
  await expect(dialog).toBeHidden();
  await expect(toolbar).toBeHidden();
  await expect(page.getByText('Handled by your IT', { exact: true })).toHaveCount(0);
  await expect(page.getByTestId('portal-commitment')).toContainText('We take charge before');
  await expect(page.getByTestId('portal-conversation')).toContainText('escalated the request to the provider');

  const escalated = (await (await request.get(`/api/v1/tickets/${ticketId}`)).json()) as {
    team: { name: string } | null;
    supportLevel: number;
    sla: { tto: { status: string } | null };
  };
  expect(escalated.supportLevel).toBe(2);
  expect(escalated.team?.name).toBe('Infrastructure N2');
  expect(escalated.sla.tto?.status).toBe('running');
});

test('the password pages work without a session and refuse a garbage link clearly', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL(/\/reset-password$/);
  await page.getByRole('textbox', { name: 'E-mail address' }).fill('nobody-here@example.test');
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByTestId('reset-requested')).toContainText('If an account exists for this address');

  await page.goto('/reset-password?token=not-a-real-token');
  await page.getByRole('textbox', { name: 'New password' }).fill('a-brand-new-password');
  await page.getByRole('textbox', { name: 'The same password again' }).fill('a-brand-new-passwort');
  await page.getByRole('button', { name: 'Save the password' }).click();
  await expect(page.getByText('The two passwords differ.')).toBeVisible();
  await page.getByRole('textbox', { name: 'The same password again' }).fill('a-brand-new-password');
  await page.getByRole('button', { name: 'Save the password' }).click();
  await expect(page.getByTestId('link-refusal')).toContainText('This link is not valid');
  await expect(page.getByTestId('link-refusal')).toHaveAttribute('data-code', 'link_invalid');

  await page.goto('/invitation?token=not-a-real-token');
  await expect(page.getByTestId('link-refusal')).toContainText('This link is not valid');
  // and in French for a French reader
  await page.getByText('FR', { exact: true }).click();
  await expect(page.getByTestId('link-refusal')).toContainText('Ce lien n’est pas valide');
  await expect(page.getByRole('heading', { name: 'Bienvenue sur Vigie' })).toBeVisible();
  await page.getByText('EN', { exact: true }).click();
  await expect(page.locator('body')).not.toContainText('Error:');
});

test('the client manager reads the service report in the portal; a requester has no such entry', async ({ page }) => {
  await signIn(page, 'claire.dubois@acme-logistique.fr', DEMO_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Our company’s requests' })).toBeVisible();
  await page.getByRole('link', { name: 'Service report' }).click();
  await expect(page).toHaveURL(/\/portal\/report$/);
  await expect(page.getByRole('heading', { name: 'Service report' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Prepaid hours today' })).toBeVisible();
  await expect(page.getByTestId('sla-report')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Not found' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, SANDRINE, DEMO_PASSWORD);
  await expect(page.getByRole('link', { name: 'Service report' })).toHaveCount(0);
  await page.goto('/portal/report');
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
});

test('an invited person chooses a password from the mail and lands in the portal; a used link is refused', async ({
  page,
  request,
}) => {
  // the administrator opens an account for a new person of the clinic and sends her the invitation
  const login = await request.post('/api/v1/auth/login', { data: ADMIN });
  const { csrfToken: csrf } = (await login.json()) as { csrfToken: string };
  const clients = (await (await request.get('/api/v1/clients?limit=50')).json()) as {
    items: { id: string; code: string }[];
  };
  const cliniq = clients.items.find((c) => c.code === 'CLINIQ');
  const email = `invite-${randomSuffix().toLowerCase()}@clinique-tilleuls.fr`;
  const created = await request.post('/api/v1/users', {
    headers: { 'X-CSRF-Token': csrf },
    data: {
      email,
      name: 'Inès Fabre',
      role: 'requester',
      clientId: cliniq?.id,
      locale: 'en',
      password: `unused-${randomSuffix()}-${randomSuffix()}`,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  // …from the Users page
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto('/users');
  await page.getByLabel('Search users').fill(email);
  await page.getByRole('button', { name: 'Mail Inès Fabre a link to choose a password' }).click();
  await expect(page.getByText(`Invitation sent to ${email} (valid 7 days).`)).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();

  const mail = await waitForMail(email, (m) => /\/invitation\?token=/.test(m.text));
  const link = /(https?:\/\/\S+\/invitation\?token=[^\s>]+)/.exec(mail.text)?.[1] as string;
  await page.goto(link);
  await expect(page.getByText('Hello Inès Fabre,')).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  const password = `portail-${randomSuffix()}-ok`;
  await page.getByRole('textbox', { name: 'New password' }).fill(password);
  await page.getByRole('textbox', { name: 'The same password again' }).fill(password);
  await page.getByRole('button', { name: 'Choose this password and sign in' }).click();
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByRole('heading', { name: 'My requests' })).toBeVisible();

  // the link worked once
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.goto(link);
  await expect(page.getByTestId('link-refusal')).toContainText('This link has already been used');

  // she forgets it: the reset mail's link lets her choose another, which then signs her in
  await page.goto('/reset-password');
  await page.getByRole('textbox', { name: 'E-mail address' }).fill(email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByTestId('reset-requested')).toBeVisible();
  const reset = await waitForMail(email, (m) => /\/reset-password\?token=/.test(m.text));
  const resetLink = /(https?:\/\/\S+\/reset-password\?token=[^\s>]+)/.exec(reset.text)?.[1] as string;
  await page.goto(resetLink);
  const another = `autre-${randomSuffix()}-mot`;
  await page.getByRole('textbox', { name: 'New password' }).fill(another);
  await page.getByRole('textbox', { name: 'The same password again' }).fill(another);
  await page.getByRole('button', { name: 'Save the password' }).click();
  await expect(page.getByTestId('password-saved')).toBeVisible();
  await signIn(page, email, another);
  await expect(page).toHaveURL(/\/portal$/);
});
