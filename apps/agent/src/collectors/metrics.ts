import type { BatchItem } from '../protocol.js';
import { diskUses, round2 } from './disks.js';
import { parseCpuTimes, parseMeminfo, parseNetDev, readText } from './proc-files.js';

type MetricValue = Extract<BatchItem, { type: 'metrics' }>['values'][number];

interface Counters {
  at: number;
  cpu: { busy: number; total: number } | null;
  net: Map<string, { rx: number; tx: number }>;
}

/** Why a group of metrics could not be read: the daemon logs it once, the other groups still report. */
export type MetricsProblem = (message: string) => void;

/**
 * The minute's measures of this machine, read from /proc and statfs: CPU busy percentage and network rates are
 * deltas since the previous call (the first call takes a one-second sample), the rest are instant values.
 */
export class MetricsCollector {
  private previous: Counters | null = null;

  constructor(private readonly problem: MetricsProblem = () => {}) {}

  async collect(now = () => new Date()): Promise<Extract<BatchItem, { type: 'metrics' }>> {
    if (!this.previous) {
      this.previous = this.counters();
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const current = this.counters();
    const previous = this.previous;
    this.previous = current;
    const values: MetricValue[] = [];
    this.group('cpu', () => cpuValues(previous, current, values));
    this.group('load', () => loadValues(values));
    this.group('memory', () => memoryValues(values));
    this.group('disks', () => diskValues(values));
    this.group('network', () => netValues(previous, current, values));
    return { type: 'metrics', at: now().toISOString(), values: values.slice(0, 500) };
  }

  private counters(): Counters {
    const stat = readText('/proc/stat');
    const netDev = readText('/proc/net/dev');
    return {
      at: performance.now(),
      cpu: stat ? parseCpuTimes(stat) : null,
      net: netDev ? parseNetDev(netDev) : new Map(),
    };
  }

  private group(name: string, read: () => void): void {
    try {
      read();
    } catch (error) {
      this.problem(`${name} metrics unavailable: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function cpuValues(previous: Counters, current: Counters, values: MetricValue[]): void {
  if (!previous.cpu || !current.cpu) throw new Error('/proc/stat is not readable');
  const total = current.cpu.total - previous.cpu.total;
  const busy = current.cpu.busy - previous.cpu.busy;
  if (total > 0 && busy >= 0) values.push({ name: 'cpu.percent', value: round2((busy / total) * 100), unit: '%' });
}

function loadValues(values: MetricValue[]): void {
  const text = readText('/proc/loadavg');
  if (!text) throw new Error('/proc/loadavg is not readable');
  const [one, five, fifteen] = text.trim().split(/\s+/).map(Number);
  for (const [name, value] of [
    ['load.1', one],
    ['load.5', five],
    ['load.15', fifteen],
  ] as const) {
    if (value !== undefined && Number.isFinite(value)) values.push({ name, value });
  }
}

function memoryValues(values: MetricValue[]): void {
  const text = readText('/proc/meminfo');
  if (!text) throw new Error('/proc/meminfo is not readable');
  const info = parseMeminfo(text);
  const total = info.get('MemTotal') ?? 0;
  const available = info.get('MemAvailable') ?? info.get('MemFree') ?? 0;
  if (total > 0) {
    values.push({ name: 'memory.used_percent', value: round2(((total - available) / total) * 100), unit: '%' });
    values.push({ name: 'memory.available_bytes', value: available, unit: 'B' });
  }
  const swapTotal = info.get('SwapTotal') ?? 0;
  const swapFree = info.get('SwapFree') ?? 0;
  values.push({
    name: 'swap.used_percent',
    value: swapTotal > 0 ? round2(((swapTotal - swapFree) / swapTotal) * 100) : 0,
    unit: '%',
  });
}

function diskValues(values: MetricValue[]): void {
  for (const disk of diskUses().slice(0, 100)) {
    const instance = disk.mountPoint.slice(0, 200);
    values.push({ name: 'disk.used_percent', instance, value: disk.usedPercent, unit: '%' });
    values.push({ name: 'disk.free_bytes', instance, value: disk.freeBytes, unit: 'B' });
  }
}

function netValues(previous: Counters, current: Counters, values: MetricValue[]): void {
  const seconds = (current.at - previous.at) / 1000;
  if (seconds <= 0) return;
  for (const [name, now] of current.net) {
    const before = previous.net.get(name);
    if (name === 'lo' || !before) continue;
    const rx = now.rx - before.rx;
    const tx = now.tx - before.tx;
    // A counter that went down was reset (interface re-created): no rate this time rather than a negative one.
    if (rx < 0 || tx < 0) continue;
    values.push({ name: 'net.rx_bytes_per_s', instance: name, value: round2(rx / seconds), unit: 'B/s' });
    values.push({ name: 'net.tx_bytes_per_s', instance: name, value: round2(tx / seconds), unit: 'B/s' });
  }
}
