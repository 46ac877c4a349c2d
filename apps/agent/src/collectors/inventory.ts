import { cpus, networkInterfaces, totalmem } from 'node:os';
import type { BatchItem } from '../protocol.js';
import { diskUses } from './disks.js';
import { osInfo } from './os-info.js';
import { installedPackages } from './packages.js';
import { readText } from './proc-files.js';

type Inventory = Extract<BatchItem, { type: 'inventory' }>;

/** A DMI field (/sys/class/dmi/id), trimmed; null when absent (a VM without DMI, a container) or root-only. */
function dmi(field: string): string | undefined {
  const value = readText(`/sys/class/dmi/id/${field}`)?.trim();
  return value && value !== 'None' && value !== 'Default string' ? value.slice(0, 255) : undefined;
}

/** The CPU's marketing name: /proc/cpuinfo's `model name` (x86) or Node's view (ARM boards often lack it). */
function cpuModel(): string | undefined {
  const fromProc = /^model name\s*:\s*(.+)$/m.exec(readText('/proc/cpuinfo') ?? '')?.[1];
  return (fromProc ?? cpus()[0]?.model)?.trim().slice(0, 255) || undefined;
}

/** Interfaces with their MAC and addresses (CIDR), loopback left out. */
function interfaces(): Inventory['hardware']['interfaces'] {
  return Object.entries(networkInterfaces())
    .filter(([name]) => name !== 'lo')
    .slice(0, 100)
    .map(([name, addresses = []]) => {
      const mac = addresses.find((a) => a.mac && a.mac !== '00:00:00:00:00:00')?.mac;
      return {
        name: name.slice(0, 100),
        ...(mac ? { mac } : {}),
        addresses: addresses.map((a) => (a.cidr ?? a.address).slice(0, 100)).slice(0, 50),
      };
    });
}

/** What this machine is: OS, kernel, hardware, disks, interfaces and installed packages. */
export async function collectInventory(now = () => new Date()): Promise<Inventory> {
  const { packageManager, packages } = await installedPackages();
  const vendor = dmi('sys_vendor');
  const product = dmi('product_name');
  const serial = dmi('product_serial');
  const model = cpuModel();
  return {
    type: 'inventory',
    at: now().toISOString(),
    os: osInfo(),
    hardware: {
      ...(model ? { cpuModel: model } : {}),
      cpus: cpus().length,
      memoryBytes: totalmem(),
      ...(vendor ? { vendor } : {}),
      ...(product ? { product } : {}),
      ...(serial ? { serial } : {}),
      disks: diskUses()
        .slice(0, 200)
        .map((disk) => ({
          mount: disk.mountPoint.slice(0, 500),
          device: disk.device.slice(0, 500),
          sizeBytes: disk.sizeBytes,
        })),
      interfaces: interfaces(),
    },
    packageManager,
    packages,
  };
}
