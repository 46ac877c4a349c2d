import { arch, machine, release } from 'node:os';
import type { AgentOs } from '../protocol.js';
import { readText } from './proc-files.js';

/** KEY=value pairs of /etc/os-release (values may be quoted). */
export function parseOsRelease(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) values.set(match[1] as string, (match[2] as string).replace(/^(["'])(.*)\1$/, '$2'));
  }
  return values;
}

/** The operating system as enrollment and inventory report it: os-release's names, the kernel, the architecture. */
export function osInfo(): AgentOs {
  const release_ = parseOsRelease(readText('/etc/os-release') ?? readText('/usr/lib/os-release') ?? '');
  const cut = (value: string | undefined, max: number) => value?.slice(0, max);
  return {
    name: cut(release_.get('PRETTY_NAME') ?? release_.get('NAME') ?? 'Linux', 200) as string,
    id: cut(release_.get('ID'), 50),
    version: cut(release_.get('VERSION_ID'), 50),
    kernel: cut(release(), 200),
    arch: cut(typeof machine === 'function' ? machine() : arch(), 50),
  };
}
