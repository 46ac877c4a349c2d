import { expect, test } from '@playwright/test';
import { ADMIN, randomSuffix, signIn } from './helpers';

test('the sign-in page shows the server message on a wrong password', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByRole('textbox', { name: 'Email' }).fill(ADMIN.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('alert')).not.toBeEmpty();
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
});

test('keyboard shortcuts, audit diff and CSV import of contacts', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);

  // shortcuts
  await page.keyboard.press('Shift+?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  await page.keyboard.press('g');
  await page.keyboard.press('a');
  await expect(page.getByRole('heading', { name: 'Assets' })).toBeVisible();
  await page.keyboard.press('/');
  const search = page.getByRole('textbox', { name: 'Search assets' });
  await expect(search).toBeFocused();
  await search.fill('Cegid');
  await expect(page.getByRole('link', { name: 'Cegid XRP' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Assets' }).getByRole('link')).toHaveCount(1);
  await page.getByRole('heading', { name: 'Assets' }).click(); // leave the search box
  await page.keyboard.press('g');
  await page.keyboard.press('c');
  await expect(page.getByRole('heading', { name: 'Clients' })).toBeVisible();

  // an edit shows in the client's audit trail with only the changed field
  await page.getByRole('link', { name: 'Acme Logistique' }).click();
  await page.getByRole('button', { name: 'Edit client' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit client' });
  const phone = `+33 1 00 00 ${String(Math.floor(Math.random() * 90) + 10)} 00`;
  await dialog.getByRole('textbox', { name: 'Phone' }).fill(phone);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('tab', { name: 'Audit' }).click();
  const audit = page.getByRole('table', { name: 'Audit trail' });
  await audit.getByRole('button', { name: 'Show changes' }).first().click();
  const diff = audit.getByRole('table', { name: 'Changed fields' });
  await expect(diff.getByRole('row', { name: /phone/ })).toContainText(phone);
  await expect(diff.getByRole('row')).toHaveCount(2); // header + the one changed field

  // CSV import: the dry run lists problems by line, nothing is imported until the file is right
  await page.getByRole('tab', { name: 'Contacts' }).click();
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const importDialog = page.getByRole('dialog', { name: 'Import contacts from CSV' });
  const file = importDialog.locator('input[type="file"]');
  await file.setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('first_name,last_name,email\nAnn,,ann@example.test\nBob,Martin,not-an-email\n'),
  });
  const problems = importDialog.getByRole('table', { name: 'Import problems' });
  await expect(problems.getByRole('row', { name: /^2 last_name/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /^3 email/ })).toBeVisible();
  await expect(importDialog.getByRole('button', { name: 'Import all 2 rows' })).toBeDisabled();

  const last = `Durand${randomSuffix()}`;
  await file.setInputFiles({
    name: 'good.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `first_name,last_name,email,job_title\nAnn,${last},ann.${last.toLowerCase()}@example.test,CFO\nBob,Martin${last},bob.${last.toLowerCase()}@example.test,IT\n`,
    ),
  });
  await expect(importDialog.getByText('No problem found: ready to import.')).toBeVisible();
  await importDialog.getByRole('button', { name: 'Import all 2 rows' }).click();
  await expect(importDialog.getByRole('status')).toHaveText('2 rows imported.');
  await importDialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('table', { name: 'Contacts' }).getByText(`Ann ${last}`)).toBeVisible();
});
