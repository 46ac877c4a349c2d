import { expect, type Locator, type Page } from '@playwright/test';

/** The administrator the e2e server is started with (see playwright.config.ts). */
export const ADMIN = { email: 'admin@vigie.local', password: 'e2e-admin-password' };

/** People of the demo provider (apps/server/src/demo/demo-data.ts), all with the demo password. */
export const DEMO_PASSWORD = 'vigie-demo-2026';
export const DEMO_STAFF = {
  /** N1 technician, team "Support N1" (ACME). */
  lea: 'lea.bernard@vigie.local',
  /** N2 technician, team "Infrastructure N2" (ACME, BATI). */
  karim: 'karim.haddad@vigie.local',
  /** Manager: sees every client. */
  paul: 'paul.martin@vigie.local',
} as const;

/** A short random suffix so that records created by a run never collide with the demo data. */
export function randomSuffix(): string {
  return Math.random().toString(36).slice(2, 8).toUpperCase();
}

/** Signs in through the sign-in page, in English. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Signs out through the header button and waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

/**
 * Picks an option of a Mantine select (or multi-select) found by its label inside `scope` (a dialog, say);
 * `search` is typed first when given. Options render in a portal, hence looked up on the whole page.
 */
export async function pickOption(
  page: Page,
  scope: Locator,
  label: string,
  option: string,
  search?: string,
): Promise<void> {
  const input = scope.getByRole('combobox', { name: label, exact: true });
  await input.click();
  if (search !== undefined) await input.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
}

interface ApiSession {
  csrfToken: string;
}

/** Signs in through the API on the page's request context (shares the page's cookies); returns the CSRF token. */
export async function apiSignIn(page: Page, email: string, password: string): Promise<string> {
  const response = await page.request.post('/api/v1/auth/login', { data: { email, password } });
  expect(response.status(), await response.text()).toBe(200);
  const session = (await response.json()) as ApiSession;
  return session.csrfToken;
}
