import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  throw new Error(
    'Chromium not found at /usr/bin/chromium: install it with `apt-get install -y chromium` (the CI script does)',
  );
}

/** The demo server's HTTP port; the mail ports follow it (VIGIE_E2E_PORT lets two runs share a machine). */
const PORT = Number(process.env.VIGIE_E2E_PORT ?? 8199);
process.env.VIGIE_E2E_PORT = String(PORT);
/** Mail: the server's SMTP intake, and the catcher it relays outbound mail to (read by the specs over HTTP). */
const SMTP_INTAKE_PORT = PORT + 1;
const CATCHER_SMTP_PORT = PORT + 2;
const CATCHER_HTTP_PORT = PORT + 3;
/** Every run starts the real server on a fresh data directory, with the demo provider loaded. */
const dataDir = process.env.VIGIE_E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'vigie-e2e-'));
process.env.VIGIE_E2E_DATA_DIR = dataDir; // the config is loaded again by each worker: keep one directory

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      command: `node --import tsx e2e/support/mail-catcher.ts ${CATCHER_SMTP_PORT} ${CATCHER_HTTP_PORT}`,
      url: `http://127.0.0.1:${CATCHER_HTTP_PORT}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: 'node apps/server/bin/vigie.mjs start',
      url: `http://127.0.0.1:${PORT}/readyz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        VIGIE_DATA_DIR: dataDir,
        VIGIE_HTTP_PORT: String(PORT),
        VIGIE_SMTP_PORT: String(SMTP_INTAKE_PORT),
        VIGIE_SMTP_HOST: '127.0.0.1',
        VIGIE_SMTP_RELAY_URL: `smtp://127.0.0.1:${CATCHER_SMTP_PORT}`,
        VIGIE_PUBLIC_URL: `http://127.0.0.1:${PORT}`,
        VIGIE_MAIL_INTERVAL_SECONDS: '1',
        VIGIE_ADMIN_PASSWORD: 'e2e-admin-password',
        VIGIE_DEMO: 'on',
        // The specs drive supervision themselves: no local agent and no demo outage in their way.
        VIGIE_DEMO_AGENT: 'off',
      },
    },
  ],
});
