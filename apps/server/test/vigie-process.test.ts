import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = new URL('../bin/vigie.mjs', import.meta.url).pathname;
const dirs: string[] = [];
const children: ChildProcess[] = [];

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-process-'));
  dirs.push(dir);
  return dir;
}

function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the vigie command', () => {
  it('starts on a fresh data directory, prints the URL and the first admin, and is ready', async () => {
    const dir = freshDir();
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const child = spawn(process.execPath, [BIN, 'start'], {
      env: {
        ...process.env,
        VIGIE_DATA_DIR: dir,
        VIGIE_HTTP_PORT: String(port),
        VIGIE_SMTP_PORT: '0',
        VIGIE_LOG_LEVEL: 'warn',
        VIGIE_ADMIN_PASSWORD: '',
      },
    });
    children.push(child);
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    const deadline = Date.now() + 30_000;
    while (!output.includes('Password') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(output).toContain(`Vigie is running at http://localhost:${port}`);
    const password = /Password \(shown once[^:]*\): (\S+)/.exec(output)?.[1];
    expect(password).toBeTruthy();
    expect(output).toContain('Demo provider loaded');
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@vigie.local', password }),
    });
    expect(login.status).toBe(200);
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
  });

  it('refuses to start on a bad setting, naming the variable', async () => {
    const result = await run(['start'], { VIGIE_DATA_DIR: freshDir(), VIGIE_HTTP_PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('VIGIE_HTTP_PORT');
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('creates an administrator only with a real e-mail and a long enough password', async () => {
    const env = { VIGIE_DATA_DIR: freshDir(), VIGIE_LOG_LEVEL: 'warn', VIGIE_DEMO: 'off' };
    const weak = await run(['admin', 'create', '--email', 'not-an-email', '--password', 'short'], env);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/--email: .*\n--password: .*12/);
    const ok = await run(['admin', 'create', '--email', 'Ops@Example.org'], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Administrator ops@example.org created\.\nPassword \(shown once\): \S{23}/);
  });

  it('imports a large CSV with progress, all rows or none', async () => {
    const dir = freshDir();
    const env = { VIGIE_DATA_DIR: dir, VIGIE_LOG_LEVEL: 'warn' };
    expect((await run(['demo'], env)).code).toBe(0);
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `ws-${String(i).padStart(4, '0')},workstation,10.1.${Math.floor(i / 250)}.${(i % 250) + 1}`,
    );
    const good = join(dir, 'good.csv');
    writeFileSync(good, ['name,type,ip_address', ...rows].join('\n'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      ['name,type,ip_address', ...rows.map((r) => r.replace('ws-', 'bad-')), 'bad-x,workstation,not-an-ip'].join('\n'),
    );

    const refused = await run(['import', 'assets', '--client', 'CLINIQ', bad], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/nothing was imported/);
    expect(refused.stderr).toMatch(/"line":3002/);

    const dry = await run(['import', 'assets', '--client', 'cliniq', good, '--dry-run'], env);
    expect(dry.stdout).toContain('3000 rows checked, 0 problem(s); nothing written (dry run)');
    const real = await run(['import', 'assets', '--client', 'CLINIQ', good], env);
    expect(real.code).toBe(0);
    expect(real.stderr).toContain('writing  [##############################] 100% 3000/3000');
    expect(real.stdout).toContain('3000 assets imported');
    expect((await run(['import', 'assets', '--client', 'CLINIQ', good], env)).stderr).toMatch(
      /already has an asset named ws-0000/,
    );
  }, 120_000);
});
