import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, randomSuffix, signIn, signOut } from './helpers';
import { mailHelpdesk, waitForMail } from './mail';

const SANDRINE = 'sandrine.roux@clinique-tilleuls.fr';
const SOPHIE = 'sophie.laurent@vigie.local';

test('a requester writes to the helpdesk, the technician resolves it, the requester confirms from the mail link and the ticket closes', async ({
  page,
}) => {
  const suffix = randomSuffix();
  const subject = `L'imprimante du 2e étage bourre à chaque page ${suffix}`;

  // Sandrine writes to the support address from her own mail client: the ticket is opened and acknowledged
  await mailHelpdesk({
    from: `Sandrine Roux <${SANDRINE}>`,
    subject,
    text: 'Bonjour,\nchaque impression se bloque au bac 2 depuis ce matin.\nSandrine',
  });
  const ack = await waitForMail(SANDRINE, (m) => m.subject.includes(suffix));
  const reference = /\[(T-\d{6})\]/.exec(ack.subject)?.[1];
  expect(reference, ack.subject).toBeDefined();
  expect(ack.text).toContain(reference as string);

  // she answers the acknowledgement: her answer threads onto the same ticket (In-Reply-To), no new ticket
  await mailHelpdesk({
    from: SANDRINE,
    subject: `RE: ${ack.subject}`,
    text: "Précision : c'est l'imprimante HP du couloir, pas celle de l'accueil.",
    inReplyTo: ack.messageId ?? undefined,
    references: ack.messageId ? [ack.messageId] : [],
  });

  // Sophie finds the ticket, sees the mail and the answer on its timeline, takes it and resolves it
  await signIn(page, SOPHIE, DEMO_PASSWORD);
  const found = (await (await page.request.get(`/api/v1/tickets?q=${suffix}`)).json()) as {
    items: { id: string; reference: string; source: string }[];
  };
  expect(found.items).toHaveLength(1);
  expect(found.items[0]?.reference).toBe(reference);
  expect(found.items[0]?.source).toBe('email');
  const ticketId = found.items[0]?.id as string;
  await page.goto(`/tickets/${ticketId}`);
  await expect(page.getByRole('heading', { name: subject })).toBeVisible();
  await expect(page.getByText("c'est l'imprimante HP du couloir")).toBeVisible();
  await page.getByRole('button', { name: 'Take' }).click();
  await expect(page.getByRole('button', { name: 'Take' })).toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('button', { name: 'Resolve' }).click();
  const resolve = page.getByRole('dialog', { name: /^Resolve T-/ });
  await resolve
    .getByRole('textbox', { name: 'Solution' })
    .fill('Rouleau d’entraînement du bac 2 remplacé, 20 pages imprimées sans bourrage.');
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await expect(resolve).toBeHidden();
  await expect(page.locator('[data-status="resolved"]').first()).toBeVisible();
  await signOut(page);

  // the resolution mail reaches Sandrine, threaded on the conversation, with a link to confirm
  const resolution = await waitForMail(
    SANDRINE,
    (m) => m.subject.includes(reference as string) && /answer=confirm/.test(m.text),
  );
  expect(resolution.inReplyTo).toBeTruthy();
  expect(resolution.text).toContain('Rouleau d’entraînement du bac 2 remplacé');
  const confirmLink = /(https?:\/\/\S+answer=confirm)/.exec(resolution.text)?.[1] as string;
  expect(confirmLink).toContain(`/portal/tickets/${ticketId}`);

  // she follows the link: signs in, lands on her ticket in the portal with the question asked, and confirms
  await page.goto(confirmLink);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(SANDRINE);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`/portal/tickets/${ticketId}`));
  const confirm = page.getByRole('dialog', { name: 'Confirm that it works again' });
  await confirm.getByRole('button', { name: 'Yes, it works again' }).click();
  await expect(page.getByText('Thank you — the request is closed.')).toBeVisible();

  // closed: she closed it herself, so no closure mail is sent to her (she is the author of that change)
  const closed = (await (await page.request.get(`/api/v1/tickets/${ticketId}`)).json()) as { status: string };
  expect(closed.status).toBe('closed');
});
