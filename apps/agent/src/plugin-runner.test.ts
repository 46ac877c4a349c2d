import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPlugin } from './plugin-runner.js';

const PLUGINS = '/usr/lib/nagios/plugins';
const plugin = (command: string[], timeoutSeconds = 10) => ({
  checkId: '0190f5e4-4d1a-7000-8000-000000000001',
  name: 'test',
  command,
  intervalSeconds: 60,
  timeoutSeconds,
});

// Debian's monitoring-plugins-basic (scripts/ensure-test-tools.mjs installs it).
describe.skipIf(!existsSync(`${PLUGINS}/check_load`))('plugin runner with Debian monitoring-plugins', () => {
  it('runs check_load: exit code 0 and its perfdata', async () => {
    const item = await runPlugin(plugin([`${PLUGINS}/check_load`, '-w', '1000,1000,1000', '-c', '2000,2000,2000']));
    expect(item.exitCode).toBe(0);
    expect(item.output).toMatch(/^LOAD OK/);
    expect(item.output).toMatch(/\|.*load1=[\d.]+;1000\.000;2000\.000;0;/);
    expect(item.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('reports CRITICAL from check_disk with a threshold no disk can meet', async () => {
    const item = await runPlugin(plugin([`${PLUGINS}/check_disk`, '-w', '100%', '-c', '100%', '-p', '/']));
    expect(item.exitCode).toBe(2);
    expect(item.output).toContain('DISK CRITICAL');
  });

  it('passes arguments as argv, never through a shell', async () => {
    const item = await runPlugin(plugin([`${PLUGINS}/check_dummy`, '0', '$(touch /tmp/vigie-injected); ok']));
    expect(item.exitCode).toBe(0);
    expect(item.output).toBe('OK: $(touch /tmp/vigie-injected); ok');
    expect(existsSync('/tmp/vigie-injected')).toBe(false);
  });
});

describe('plugin runner limits', () => {
  it('kills a plugin at its timeout: no exit code, and the output says it timed out', async () => {
    const started = Date.now();
    const item = await runPlugin(plugin(['/bin/sleep', '30'], 1));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(item.exitCode).toBeNull();
    expect(item.output).toBe('plugin timed out after 1 s');
  });

  it('caps the output at 8000 characters', async () => {
    const item = await runPlugin(plugin(['/usr/bin/yes', 'a long line of output'], 2));
    expect(item.output.length).toBeLessThanOrEqual(8000);
    expect(item.output).toContain('timed out');
  }, 20_000);

  it('says when a plugin cannot start', async () => {
    const item = await runPlugin(plugin(['/usr/lib/nagios/plugins/check_nothing_here']));
    expect(item.exitCode).toBeNull();
    expect(item.output).toBe('plugin could not start: /usr/lib/nagios/plugins/check_nothing_here: not found');
  });
});
