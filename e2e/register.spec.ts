import { expect, test } from '@playwright/test';
import { ADMIN, pickOption, randomSuffix, signIn } from './helpers';

test('a technician registers a client, its contract, assets and their relation, then sees the impact', async ({
  page,
}) => {
  const suffix = randomSuffix();
  const code = `E2E${suffix}`;
  const clientName = `E2E Client ${suffix}`;
  const reference = `CT-${suffix}`;

  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole('heading', { name: 'Tickets' })).toBeVisible(); // staff land on their queues
  await page.getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByRole('heading', { name: 'Clients' })).toBeVisible();

  // a new client
  await page.getByRole('button', { name: 'New client' }).click();
  const clientDialog = page.getByRole('dialog', { name: 'New client' });
  await clientDialog.getByRole('textbox', { name: 'Code', exact: true }).fill(code);
  await clientDialog.getByRole('textbox', { name: 'Name', exact: true }).fill(clientName);
  await clientDialog.getByRole('textbox', { name: 'Legal name', exact: true }).fill(`${clientName} SAS`);
  await clientDialog.getByRole('button', { name: 'Save' }).click();
  await expect(clientDialog).toBeHidden();
  await expect(page.getByRole('heading', { name: clientName })).toBeVisible();

  // a contract with its business calendar
  await page.getByRole('tab', { name: 'Contracts' }).click();
  await page.getByRole('button', { name: 'New contract' }).click();
  const contractDialog = page.getByRole('dialog', { name: 'New contract' });
  await contractDialog.getByRole('textbox', { name: 'Reference', exact: true }).fill(reference);
  await contractDialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Managed services');
  await pickOption(page, contractDialog, 'Scope domains', 'Servers');
  await pickOption(page, contractDialog, 'Scope domains', 'Network');
  await page.keyboard.press('Escape'); // closes the drop-down, not the dialog
  await expect(contractDialog).toBeVisible();
  await contractDialog.getByRole('textbox', { name: 'Monday interval 1 start', exact: true }).fill('08:30');
  await contractDialog.getByRole('textbox', { name: 'Monday interval 1 end', exact: true }).fill('12:00');
  await contractDialog.getByRole('textbox', { name: 'Monday interval 2 start', exact: true }).fill('13:30');
  await contractDialog.getByRole('textbox', { name: 'Monday interval 2 end', exact: true }).fill('18:00');
  await contractDialog.getByRole('button', { name: 'Copy Monday to Tuesday–Friday' }).click();
  await expect(contractDialog.getByRole('textbox', { name: 'Friday interval 1 start', exact: true })).toHaveValue(
    '08:30',
  );
  await expect(contractDialog.getByRole('textbox', { name: 'Saturday interval 1 start', exact: true })).toHaveCount(0);
  await contractDialog.getByRole('textbox', { name: 'Holiday region', exact: true }).fill('FR-57');
  await contractDialog.getByLabel('P1 counted 24/7').check();
  await expect(contractDialog.getByLabel('P1 counted 24/7')).toBeChecked();
  await expect(contractDialog.getByTestId('levels-summary')).toHaveText('Tickets enter at N1');
  await contractDialog.getByRole('button', { name: 'Save' }).click();
  await expect(contractDialog).toBeHidden();

  const contractRow = page.getByRole('row', { name: new RegExp(reference) });
  await expect(contractRow).toBeVisible();
  await expect(contractRow.getByTestId('entry-level')).toHaveText('N1');
  await contractRow.getByRole('button', { name: reference, exact: true }).click();
  const detail = page.getByRole('dialog', { name: `${reference} — Managed services` });
  await expect(detail.getByText('Monday: 08:30–12:00, 13:30–18:00')).toBeVisible();
  await expect(detail.getByText('Friday: 08:30–12:00, 13:30–18:00')).toBeVisible();
  await expect(detail.getByText('Saturday: Closed')).toBeVisible();
  await expect(detail.getByText(/Holiday region: FR-57/)).toBeVisible();
  await expect(detail.getByRole('row', { name: /^P1 .* 24\/7$/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  // two assets
  await page.getByRole('tab', { name: 'Assets' }).click();
  for (const [name, type] of [
    ['srv-x', 'Server'],
    ['vm-x', 'Virtual machine'],
  ] as const) {
    await page.getByRole('button', { name: 'New asset' }).click();
    const assetDialog = page.getByRole('dialog', { name: 'New asset' });
    await assetDialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await pickOption(page, assetDialog, 'Type', type, type);
    await expect(assetDialog.getByRole('textbox', { name: 'Hostname', exact: true })).toBeVisible(); // typed attributes of the chosen type
    await assetDialog.getByRole('textbox', { name: 'Hostname', exact: true }).fill(`${name}.example.test`);
    await assetDialog.getByRole('button', { name: 'Save' }).click();
    await expect(assetDialog).toBeHidden();
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }

  // vm-x runs on srv-x
  await page.getByRole('link', { name: 'vm-x', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'vm-x' })).toBeVisible();
  await page.getByRole('button', { name: 'Add relation' }).click();
  const relationDialog = page.getByRole('dialog', { name: 'Add relation' });
  await expect(relationDialog.getByRole('combobox', { name: 'Relation' })).toHaveValue('runs on');
  await relationDialog.getByLabel('This asset → other asset').check();
  await pickOption(page, relationDialog, 'Other asset', 'srv-x (Server)', 'srv-x');
  await expect(relationDialog.getByTestId('relation-preview')).toHaveText('vm-x runs on srv-x');
  await relationDialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(relationDialog).toBeHidden();
  const relations = page.getByRole('table', { name: 'Relations' });
  await expect(relations.getByRole('row', { name: /runs on/ })).toContainText('srv-x');

  // srv-x: vm-x is impacted
  await relations.getByRole('link', { name: 'srv-x' }).click();
  await expect(page.getByRole('heading', { name: 'srv-x' })).toBeVisible();
  const impact = page.getByRole('region', { name: 'Impact' });
  await expect(impact.getByRole('link', { name: 'vm-x' })).toBeVisible();
  await expect(impact.getByRole('listitem')).toHaveCount(1);
  await expect(impact.getByRole('listitem')).toContainText('runs on srv-x');
  await expect(impact.getByText('Direct: 1 asset')).toBeVisible();

  // French
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('FR', { exact: true }).click();
  await expect(page.getByRole('link', { name: 'Équipements' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Assets' })).toHaveCount(0);
  await expect(impact.getByRole('listitem')).toContainText('tourne sur srv-x');

  // sign out
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
});
