import { describe, expect, it } from 'vitest';
import { BatchItem } from '../protocol.js';
import { collectInventory } from './inventory.js';
import { MetricsCollector } from './metrics.js';
import { parseMounts } from './proc-files.js';
import { parseListUnits, selectUnits } from './services.js';
import { collectUpdates } from './updates.js';

// These read the machine the tests run on (Linux with dpkg, like Debian's CI image): the values must be sane, and each
// item must pass the protocol's schema, as the server will check it.
describe('collectors on this machine', () => {
  it('measures CPU, load, memory, swap, every real disk and the network', async () => {
    const problems: string[] = [];
    const item = await new MetricsCollector((p) => problems.push(p)).collect();
    expect(BatchItem.safeParse(item).success).toBe(true);
    expect(problems).toEqual([]);
    const value = (name: string, instance?: string) =>
      item.values.find((v) => v.name === name && (instance === undefined || v.instance === instance))?.value;
    const cpu = value('cpu.percent') as number;
    expect(cpu).toBeGreaterThanOrEqual(0);
    expect(cpu).toBeLessThanOrEqual(100);
    expect(value('load.1')).toBeGreaterThanOrEqual(0);
    expect(value('load.15')).toBeGreaterThanOrEqual(0);
    expect(value('memory.used_percent')).toBeGreaterThan(0);
    expect(value('memory.used_percent')).toBeLessThan(100);
    expect(value('memory.available_bytes')).toBeGreaterThan(16 * 1024 * 1024);
    expect(value('swap.used_percent')).toBeGreaterThanOrEqual(0);
    // The root file system is a real disk; /proc, /sys, tmpfs and cgroup mounts are not reported.
    expect(value('disk.used_percent', '/')).toBeGreaterThan(0);
    expect(value('disk.free_bytes', '/')).toBeGreaterThan(0);
    const mounts = item.values.filter((v) => v.name === 'disk.used_percent').map((v) => v.instance);
    for (const pseudo of ['/proc', '/sys', '/dev/shm', '/sys/fs/cgroup']) expect(mounts).not.toContain(pseudo);
    const interfaces = item.values.filter((v) => v.name === 'net.rx_bytes_per_s').map((v) => v.instance);
    expect(interfaces).not.toContain('lo');
    for (const rate of item.values.filter((v) => v.name.startsWith('net.')))
      expect(rate.value).toBeGreaterThanOrEqual(0);
  });

  it('takes inventory: the OS from os-release, the hardware, and every installed dpkg package', async () => {
    const item = await collectInventory();
    expect(BatchItem.safeParse(item).success).toBe(true);
    expect(item.os.name.length).toBeGreaterThan(0);
    expect(item.os.kernel).toMatch(/^\d+\.\d+/);
    expect(item.hardware.cpus).toBeGreaterThan(0);
    expect(item.hardware.memoryBytes).toBeGreaterThan(0);
    expect(item.hardware.disks.map((d) => d.mount)).toContain('/');
    expect(item.packageManager).toBe('dpkg');
    expect(item.packages.length).toBeGreaterThan(100);
    expect(item.packages.find((p) => p.name === 'dpkg')?.version).toMatch(/^\d/);
  });

  it('lists pending updates from apt without locking or changing anything', async () => {
    const item = await collectUpdates();
    expect(BatchItem.safeParse(item).success).toBe(true);
    expect(item.manager).toBe('apt');
    for (const update of item.updates) expect(update.candidateVersion.length).toBeGreaterThan(0);
  }, 60_000);

  it('unescapes mount points with spaces', () => {
    expect(parseMounts('/dev/sdb1 /mnt/my\\040disk ext4 rw 0 0\n')).toEqual([
      { device: '/dev/sdb1', mountPoint: '/mnt/my disk', fsType: 'ext4' },
    ]);
  });

  it('reports the configured systemd units (a missing one as not-found) and every failed one', () => {
    const units = parseListUnits(
      [
        'cron.service       loaded active   running Regular background program processing daemon',
        'nginx.service      loaded failed   failed  A high performance web server',
        '● smartd.service   loaded failed   failed  Self Monitoring and Reporting Technology',
        'ssh.service        loaded active   running OpenBSD Secure Shell server',
      ].join('\n'),
    );
    expect(selectUnits(units, ['ssh', 'postgresql.service'])).toEqual([
      { name: 'ssh.service', active: 'active', sub: 'running' },
      { name: 'postgresql.service', active: 'inactive', sub: 'not-found' },
      { name: 'nginx.service', active: 'failed', sub: 'failed' },
      { name: 'smartd.service', active: 'failed', sub: 'failed' },
    ]);
  });
});
