import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_STAFF, pickOption, randomSuffix, signIn } from './helpers';

interface TicketRow {
  id: string;
  reference: string;
  clientCode: string;
  title: string;
  status: string;
}

/** A demo ticket of BATI (on-site contract BATI-2026-N23 with a 120-hour bank), found by words of its title. */
async function batiTicket(page: Page, words: string): Promise<TicketRow> {
  const response = await page.request.get(`/api/v1/tickets?q=${encodeURIComponent(words)}&limit=20`);
  expect(response.status(), await response.text()).toBe(200);
  const { items } = (await response.json()) as { items: TicketRow[] };
  const ticket = items.find((item) => item.clientCode === 'BATI' && item.status !== 'closed');
  if (!ticket) throw new Error(`no open BATI ticket matches "${words}" in the demo`);
  return ticket;
}

async function usedMinutes(page: Page, ticketId: string): Promise<number> {
  const ticket = (await (await page.request.get(`/api/v1/tickets/${ticketId}`)).json()) as {
    contract: { id: string } | null;
  };
  if (!ticket.contract) throw new Error('the BATI ticket has no contract');
  const usage = await page.request.get(`/api/v1/contracts/${ticket.contract.id}/hour-bank`);
  expect(usage.status()).toBe(200);
  return ((await usage.json()) as { usedMinutes: number }).usedMinutes;
}

/** Minutes as the console writes them (formatDuration without days): "45 min", "2 h", "1 h 15 min". */
function asDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return rest === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
}

test('Karim logs billable time on a BATI ticket (the hour bank moves), plans a visit and closes it with a signed report', async ({
  page,
}) => {
  await signIn(page, DEMO_STAFF.karim, DEMO_PASSWORD);
  const ticket = await batiTicket(page, 'Coupures VPN Metz');
  const before = await usedMinutes(page, ticket.id);

  // Time: the contract's hour bank is shown; 45 billable minutes are taken from it
  await page.goto(`/tickets/${ticket.id}`);
  await expect(page.getByRole('heading', { name: ticket.title })).toBeVisible();
  await page.getByRole('tab', { name: 'Time', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/tickets/${ticket.id}/time$`));
  const bank = page.getByRole('region', { name: 'Hour bank — BATI-2026-N23' });
  await expect(bank.getByTestId('hour-bank-used')).toHaveText(`${asDuration(before)} used of 120 h`);
  const form = page.getByRole('region', { name: 'Log time' });
  await form.getByRole('textbox', { name: 'Duration (min)' }).fill('45');
  await form.getByRole('switch', { name: 'Billable' }).check();
  await form
    .getByRole('textbox', { name: 'Note (provider only)' })
    .fill('IKE phase 1 lifetimes aligned on both firewalls.');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(bank.getByTestId('hour-bank-used')).toHaveText(`${asDuration(before + 45)} used of 120 h`);
  expect(await usedMinutes(page, ticket.id)).toBe(before + 45);
  const entries = page.getByRole('table', { name: 'Time entries' });
  await expect(entries.getByRole('row').filter({ hasText: 'IKE phase 1' })).toContainText('45 min');
  await expect(entries.getByRole('row').filter({ hasText: 'IKE phase 1' })).toContainText('billable');
  await expect(page.getByTestId('time-billable')).toHaveText('45 min');

  // Visits: plan one at the Marseille agency (the form proposes tomorrow 09:00, 1 h on site, 30 min of travel)
  await page.getByRole('tab', { name: 'Visits', exact: true }).click();
  await page.getByRole('button', { name: 'Plan a visit' }).click();
  const plan = page.getByRole('dialog', { name: `Plan a visit for ${ticket.reference}` });
  await pickOption(page, plan, 'Site', 'Marseille — agence');
  await plan.getByRole('button', { name: 'Plan' }).click();
  await expect(plan).toBeHidden();
  const visits = page.getByRole('table', { name: 'On-site visits' });
  const visit = visits.getByRole('row').filter({ hasText: 'Marseille — agence' }).last();
  await expect(visit.locator('[data-visit-status]')).toHaveText('planned');
  await expect(visit).toContainText('Karim Haddad');

  // closed with a report, signed on the screen by the requester
  await visit.getByRole('button', { name: 'Close with report' }).click();
  const report = page.getByRole('dialog', { name: 'Visit report — Marseille — agence' });
  await report.getByRole('textbox', { name: 'What was done' }).fill('Firewall firmware updated, IPsec tunnel rebuilt.');
  await expect(report.getByRole('textbox', { name: 'Signer’s name' })).toHaveValue('Thomas Garnier');
  // without a signature the visit is not closed
  await report.getByRole('button', { name: 'Close the visit' }).click();
  await expect(report.getByText('The client signs in the box.')).toBeVisible();
  const pad = report.getByTestId('signature-pad');
  const box = await pad.boundingBox();
  if (!box) throw new Error('the signature pad is not on screen');
  await page.mouse.move(box.x + 30, box.y + box.height * 0.7);
  await page.mouse.down();
  for (const [dx, dy] of [
    [60, -50],
    [110, 20],
    [170, -60],
    [240, 10],
    [320, -30],
  ] as const) {
    await page.mouse.move(box.x + 30 + dx, box.y + box.height * 0.7 + dy, { steps: 6 });
  }
  await page.mouse.up();
  await expect(pad).toHaveAttribute('data-signed', 'true');
  await report.getByRole('button', { name: 'Close the visit' }).click();
  await expect(report).toBeHidden();
  await expect(visit.locator('[data-visit-status]')).toHaveText('done');
  await expect(visit).toContainText('signed by Thomas Garnier');

  // the signed report downloads as a PDF with the session
  const pdfLink = visit.getByRole('link', { name: 'Report (PDF)' });
  const href = await pdfLink.getAttribute('href');
  expect(href).toMatch(/^\/api\/v1\/interventions\/[^/]+\/report\.pdf$/);
  const pdf = await page.request.get(href ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // the hour on site and the half hour on the road are logged on the ticket, covered by the contract (the bank keeps
  // only billable time)
  await page.getByRole('tab', { name: 'Time', exact: true }).click();
  await expect(page.getByTestId('time-covered')).toHaveText('1 h 30 min');
  await expect(page.getByTestId('time-billable')).toHaveText('45 min');
  expect(await usedMinutes(page, ticket.id)).toBe(before + 45);
});

test('an article written in the knowledge base is suggested on the BATI ticket whose title it shares', async ({
  page,
}) => {
  await signIn(page, DEMO_STAFF.karim, DEMO_PASSWORD);
  const ticket = await batiTicket(page, 'Port switch entrepôt');
  const title = `Port 12 du switch de l’entrepôt en erreur CRC : remplacer le module SFP ${randomSuffix()}`;

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Knowledge base' }).click();
  await expect(page.getByRole('heading', { name: 'Knowledge base' })).toBeVisible();
  await page.getByRole('button', { name: 'New article' }).click();
  const form = page.getByRole('dialog', { name: 'New article' });
  await form.getByRole('textbox', { name: 'Title' }).fill(title);
  await form
    .getByRole('textbox', { name: 'Text' })
    .fill(
      'Des erreurs CRC sur un port SFP viennent le plus souvent du module : le remplacer, puis vider les compteurs.',
    );
  await pickOption(page, form, 'Client', 'BATI — Bâti Sud Construction', 'BATI');
  await form.getByLabel('Tags').fill('switch');
  await form.getByLabel('Tags').press('Enter');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByTestId('kb-article-body')).toContainText('le remplacer');

  // the list finds it by a word prefix, accents ignored
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Knowledge base' }).click();
  await page.getByRole('textbox', { name: 'Search the knowledge base' }).fill('entrepot sfp');
  await expect(page.getByRole('table', { name: 'Knowledge base' }).getByRole('link', { name: title })).toBeVisible();

  // the ticket suggests it; it opens beside the ticket
  await page.goto(`/tickets/${ticket.id}/knowledge`);
  const suggested = page.getByRole('list', { name: 'Suggested articles' });
  await suggested.getByRole('button', { name: title }).click();
  const drawer = page.getByRole('dialog', { name: title });
  await expect(drawer.getByTestId('kb-article-body')).toContainText('le remplacer');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
});

test('a manager sets what an SLA breach does: notify the managers and reassign to a team', async ({ page }) => {
  await signIn(page, DEMO_STAFF.paul, DEMO_PASSWORD);
  const original: unknown = await (await page.request.get('/api/v1/settings/sla-actions')).json();
  try {
    await page.goto('/settings/tickets');
    const section = page.getByRole('region', { name: 'SLA actions' });
    const breach = section.getByRole('group', { name: 'Breach', exact: true });
    await breach.getByRole('checkbox', { name: 'Notify the managers' }).check();
    await breach.getByRole('checkbox', { name: 'Reassign to a team' }).check();
    // reassigning needs a team
    await section.getByRole('button', { name: 'Save' }).click();
    await expect(breach.getByText('Choose the team to reassign to.')).toBeVisible();
    await pickOption(page, breach, 'Team to reassign to (Breach)', 'Experts N3 — données et sauvegardes');
    await section.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('SLA actions saved.')).toBeVisible();

    await page.reload();
    const again = page.getByRole('region', { name: 'SLA actions' }).getByRole('group', { name: 'Breach', exact: true });
    await expect(again.getByRole('checkbox', { name: 'Notify the managers' })).toBeChecked();
    await expect(again.getByRole('combobox', { name: 'Team to reassign to (Breach)' })).toHaveValue(
      'Experts N3 — données et sauvegardes',
    );
    const saved = (await (await page.request.get('/api/v1/settings/sla-actions')).json()) as {
      breach: { type: string; to?: string; teamId?: string }[];
    };
    expect(saved.breach).toContainEqual({ type: 'notify', to: 'managers' });
    expect(saved.breach.some((action) => action.type === 'reassign' && action.teamId)).toBe(true);
  } finally {
    // the other tests keep the demo's SLA actions
    const session = (await (await page.request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
    const restored = await page.request.put('/api/v1/settings/sla-actions', {
      headers: { 'X-CSRF-Token': session.csrfToken },
      data: original,
    });
    expect(restored.status(), await restored.text()).toBe(200);
  }
});
