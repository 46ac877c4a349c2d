import { statfsSync, statSync } from 'node:fs';
import { type MountEntry, parseMounts, readText } from './proc-files.js';

/** File systems that are not disks: their use says nothing about free space (or is always 100 %, like squashfs). */
const PSEUDO_FILESYSTEMS = new Set([
  'autofs',
  'binfmt_misc',
  'bpf',
  'cgroup',
  'cgroup2',
  'configfs',
  'debugfs',
  'devpts',
  'devtmpfs',
  'efivarfs',
  'fusectl',
  'fuse.gvfsd-fuse',
  'fuse.lxcfs',
  'fuse.portal',
  'hugetlbfs',
  'mqueue',
  'nsfs',
  'proc',
  'pstore',
  'ramfs',
  'rpc_pipefs',
  'securityfs',
  'selinuxfs',
  'squashfs',
  'sysfs',
  'tmpfs',
  'tracefs',
]);

/** One real mounted file system and its use, as `df` shows it (space reserved for root counts as used). */
export interface DiskUse {
  device: string;
  mountPoint: string;
  fsType: string;
  sizeBytes: number;
  freeBytes: number;
  usedPercent: number;
}

/** Whether a mount is worth watching: not a pseudo file system, not a file bind-mounted by a container runtime. */
export function isRealMount(mount: MountEntry): boolean {
  if (PSEUDO_FILESYSTEMS.has(mount.fsType)) return false;
  try {
    return statSync(mount.mountPoint).isDirectory();
  } catch {
    return false;
  }
}

/** Each real mount once (a device mounted twice counts at its first, shortest path), with its use from statfs. */
export function diskUses(mountsText = readText('/proc/mounts') ?? ''): DiskUse[] {
  const seen = new Set<string>();
  const uses: DiskUse[] = [];
  const mounts = parseMounts(mountsText)
    .filter(isRealMount)
    .sort((a, b) => a.mountPoint.length - b.mountPoint.length);
  for (const mount of mounts) {
    if (seen.has(mount.device) || seen.has(mount.mountPoint)) continue;
    let stats: ReturnType<typeof statfsSync>;
    try {
      stats = statfsSync(mount.mountPoint);
    } catch {
      continue;
    }
    if (stats.blocks === 0) continue;
    seen.add(mount.device);
    seen.add(mount.mountPoint);
    const used = stats.blocks - stats.bfree;
    const usable = used + stats.bavail;
    uses.push({
      device: mount.device,
      mountPoint: mount.mountPoint,
      fsType: mount.fsType,
      sizeBytes: stats.blocks * stats.bsize,
      freeBytes: stats.bavail * stats.bsize,
      usedPercent: usable > 0 ? round2((used / usable) * 100) : 0,
    });
  }
  return uses.sort((a, b) => a.mountPoint.localeCompare(b.mountPoint));
}

/** Two decimals: enough for a chart, and the batches stay small. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
