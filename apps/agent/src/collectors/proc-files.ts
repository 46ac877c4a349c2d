import { readFileSync } from 'node:fs';

/** Reads a /proc or /sys file, or null when it is absent or unreadable (a container, a non-root agent). */
export function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The fields of /proc/meminfo in bytes (the file gives kB). */
export function parseMeminfo(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^(\w+(?:\(\w+\))?):\s+(\d+)(?:\s+kB)?/.exec(line);
    if (match) values.set(match[1] as string, Number(match[2]) * (line.includes('kB') ? 1024 : 1));
  }
  return values;
}

/** A mount line of /proc/mounts: the kernel writes spaces and tabs in paths as octal escapes (\040). */
export interface MountEntry {
  device: string;
  mountPoint: string;
  fsType: string;
}

/** Parses /proc/mounts. */
export function parseMounts(text: string): MountEntry[] {
  const unescapeOctal = (value: string) =>
    value.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
  const mounts: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const [device, mountPoint, fsType] = line.split(' ');
    if (device && mountPoint && fsType)
      mounts.push({ device: unescapeOctal(device), mountPoint: unescapeOctal(mountPoint), fsType });
  }
  return mounts;
}

/** Byte counters per interface from /proc/net/dev. */
export function parseNetDev(text: string): Map<string, { rx: number; tx: number }> {
  const counters = new Map<string, { rx: number; tx: number }>();
  for (const line of text.split('\n').slice(2)) {
    const match = /^\s*([^:\s]+):\s*(.*)$/.exec(line);
    if (!match) continue;
    const fields = (match[2] as string).trim().split(/\s+/).map(Number);
    if (fields.length >= 9) counters.set(match[1] as string, { rx: fields[0] as number, tx: fields[8] as number });
  }
  return counters;
}

/** Busy and total jiffies of all CPUs from the first line of /proc/stat (iowait counts as idle, like top). */
export function parseCpuTimes(text: string): { busy: number; total: number } | null {
  const line = text.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) return null;
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const total = user + nice + system + idle + iowait + irq + softirq + steal;
  return { busy: total - idle - iowait, total };
}
