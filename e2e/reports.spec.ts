import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_STAFF, pickOption, signIn, signOut } from './helpers';
import { waitForMail } from './mail';

const CLAIRE = 'claire.dubois@acme-logistique.fr';

interface Report {
  month: string;
  tickets: { opened: number; resolved: number; closed: number };
  tto: { percent: number | null };
  ttr: { percent: number | null };
  breaches: { reference: string }[];
  byPriority: { priority: string; count: number }[];
}

/** The month the report page opens on: the previous month of the browser's clock (YYYY-MM). */
function previousMonth(): string {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

async function acmeReport(page: Page, month: string): Promise<{ clientId: string; report: Report }> {
  const clients = (await (await page.request.get('/api/v1/clients?q=Acme')).json()) as {
    items: { id: string; code: string }[];
  };
  const clientId = clients.items.find((c) => c.code === 'ACME')?.id as string;
  const response = await page.request.get(`/api/v1/clients/${clientId}/reports/sla?month=${month}`);
  expect(response.status(), await response.text()).toBe(200);
  return { clientId, report: (await response.json()) as Report };
}

test('a provider manager reads ACME’s monthly SLA report, downloads it and mails it; the client manager reads it too', async ({
  page,
}) => {
  const month = previousMonth();
  await signIn(page, DEMO_STAFF.paul, DEMO_PASSWORD);
  await page.getByRole('link', { name: 'SLA reports' }).click();
  await expect(page.getByRole('heading', { name: 'Monthly SLA report' })).toBeVisible();
  await expect(page.getByText('Choose a client to see its report.')).toBeVisible();
  await pickOption(page, page.locator('main'), 'Client', 'ACME — Acme Logistique', 'Acme');

  // The demo holds a month of ACME history: the page shows the figures the API computes.
  const { clientId, report } = await acmeReport(page, month);
  expect(report.tickets.opened).toBeGreaterThanOrEqual(12);
  expect(report.breaches.length).toBeGreaterThanOrEqual(3);
  const view = page.getByTestId('sla-report');
  await expect(view.getByTestId('stat-opened')).toContainText(String(report.tickets.opened));
  await expect(view.getByTestId('stat-resolved')).toContainText(String(report.tickets.resolved));
  await expect(page.getByRole('img', { name: `Taken in charge in time (TTO): ${report.tto.percent} %` })).toBeVisible();
  await expect(page.getByRole('img', { name: `Resolved in time (TTR): ${report.ttr.percent} %` })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Opened and resolved per day' })).toBeVisible();
  for (const { priority, count } of report.byPriority) {
    await expect(view.getByTestId('by-priority').locator(`[data-bar="${priority}"]`)).toHaveAttribute(
      'data-value',
      String(count),
    );
  }
  await expect(view.getByTestId('sla-by-priority').getByRole('row')).toHaveCount(5);
  const breaches = page.getByTestId('breach-table');
  await expect(breaches.getByRole('row')).toHaveCount(report.breaches.length + 1);
  const first = report.breaches[0]?.reference as string;
  await expect(breaches.getByRole('link', { name: first })).toHaveAttribute('href', /^\/tickets\//);

  // CSV: UTF-8 with a byte-order mark, in the reader's language (English here: comma separated).
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toBe(`sla-report-Acme-Logistique-${month}.csv`);
  const bytes = readFileSync((await csv.path()) as string);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text).toContain(`Tickets opened,${report.tickets.opened}\r\n`);
  expect(text).toContain(first);

  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download PDF' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe(`sla-report-Acme-Logistique-${month}.pdf`);
  expect(
    readFileSync((await pdf.path()) as string)
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-');

  // Mailed to the client's manager through the relay, in her language (French).
  await page.getByRole('button', { name: 'Send to the client’s managers' }).click();
  await expect(page.getByText(/^Sent to .*Claire Dubois/)).toBeVisible(); // other specs may add ACME managers
  const mail = await waitForMail(CLAIRE, (m) => m.subject.startsWith('Rapport SLA') && m.subject.includes('Acme'));
  expect(mail.text).toContain('Bonjour Claire Dubois');
  expect(clientId).toBeTruthy();
  await signOut(page);

  // The client manager reads her company's report in the portal.
  await signIn(page, CLAIRE, DEMO_PASSWORD);
  await page.goto('/portal/report');
  const own = page.getByTestId('sla-report');
  await expect(own.getByTestId('stat-opened')).toContainText(String(report.tickets.opened));
  await expect(own.getByTestId('breach-table').getByRole('link', { name: first })).toHaveAttribute(
    'href',
    /^\/portal\/tickets\//,
  );
  await expect(page.getByRole('button', { name: 'Send to the client’s managers' })).toHaveCount(0);
});
